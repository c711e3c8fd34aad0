#pragma once
// "Raconter la coopération" (seed 004): the kinds of moment a team records in its log.
#include <optional>
#include <string>
#include <vector>

namespace ateliers::projects {

enum class LogKind { espace_reflexif, groupe_de_pairs, differend, autre };

const std::vector<LogKind>& all_log_kinds();
std::string log_kind_name(LogKind k);
std::optional<LogKind> parse_log_kind(const std::string& s);
std::string log_kind_label(LogKind k);  // "Espace réflexif ou délibératif"…

inline constexpr std::size_t max_log_title_chars = 200;
inline constexpr std::size_t max_log_body_chars = 8000;

}  // namespace ateliers::projects
