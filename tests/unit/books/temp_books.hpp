// A folder of its own for each test's books, removed with everything in it.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

struct TempBooks {
  std::filesystem::path dir;
  TempBooks() {
    char pattern[] = "/tmp/citfee-books-XXXXXX";
    REQUIRE(mkdtemp(pattern));
    dir = pattern;
  }
  ~TempBooks() { std::filesystem::remove_all(dir); }
  std::string path() const { return (dir / "registro.db").string(); }
};
