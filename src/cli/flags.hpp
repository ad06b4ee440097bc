// The only header that includes CLI11: the command line is parsed in
// src/cli and nowhere else, and what lies below it (src/run and the layers
// under it) takes plain structs.
#pragma once

#include <CLI/CLI.hpp>
