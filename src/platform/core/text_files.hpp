#pragma once
// Whole files for command-line tools: "-" means standard input or output.
#include <optional>
#include <string>

namespace ateliers::text_files {

std::optional<std::string> read_all(const std::string& path);  // nullopt: missing or unreadable
bool write_all(const std::string& path, const std::string& text);  // empty or "-": stdout; adds a final newline

}  // namespace ateliers::text_files
