#pragma once
// A sub-command of the `ateliers` program offered by a module (`ateliers groups`…): the
// program's main() knows commands only through the modules' lists.
#include <functional>
#include <string>
#include <utility>

namespace CLI {
class App;
}

namespace ateliers::modules {

// What every command may need from the program's common options.
struct CommandContext {
    std::string database_url;  // --db
};

// Runs the chosen sub-command; returns the process's exit status (2: bad input).
using CommandRun = std::function<int(const CommandContext&)>;

struct CliCommand {
    // Adds the sub-command and its options to `program`; returns it and what to run when
    // the command line chooses it. The options' storage lives in the returned function.
    std::function<std::pair<CLI::App*, CommandRun>(CLI::App& program)> attach;
};

}  // namespace ateliers::modules
