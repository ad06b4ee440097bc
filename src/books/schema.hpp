// The books' schema, one step per version: PRAGMA user_version says how many
// steps a file has had, and opening it for writing applies the rest.
#pragma once

#include <string_view>
#include <vector>

namespace citfee::books_schema {

const std::vector<std::string_view>& migrations();

}  // namespace citfee::books_schema
