#pragma once
// `ateliers token …`: bearer tokens for the JSON API.
//   token create EMAIL [--label L]   prints the new token (stdout, alone on its line)
//   token list EMAIL                 the account's tokens: hash, date, label
//   token revoke TOKEN_OR_HASH       deletes one token
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace ateliers::cli {

// Registers the sub-commands on `app`. They run from CLI11 callbacks once the
// command line is parsed (so --db may come anywhere) and end the parse with
// CLI::RuntimeError(exit code), which CLI11_PARSE turns into main's return value.
void add_token_command(CLI::App& app, const CommonOptions& common);

}  // namespace ateliers::cli
