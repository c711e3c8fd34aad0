#pragma once
// `ateliers groups`: the breakout-group solver on a JSON file of participants, or on a
// pure Social Golfer instance (--golfers G-S-W), for scripts, tests and benchmarks.
// Exit 2 on invalid input.
#include "platform/core/cli_command.hpp"

namespace ateliers::running {

modules::CliCommand groups_command();

}  // namespace ateliers::running
