#pragma once
// `ateliers allocate --input round.json`: the selection solver on a JSON file, for
// organisers' scripts, the tests and the benchmarks. Exit 2 on invalid input.
#include "platform/core/cli_command.hpp"

namespace ateliers::selection {

modules::CliCommand allocate_command();

}  // namespace ateliers::selection
