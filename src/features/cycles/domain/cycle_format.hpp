#pragma once
// The ateliers' published format: 4 sessions of 2 hours by video-conference,
// spread over 6 to 8 weeks, early morning or early afternoon (Paris time).
// Departures are warnings for the organiser, not errors.
#include <cstdint>
#include <string>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"

namespace ateliers::cycle_format {

inline constexpr int expected_sessions = 4;
inline constexpr std::int64_t expected_duration_seconds = 2 * 3600;
inline constexpr int min_span_days = 42;  // first to last session: 6 weeks…
inline constexpr int max_span_days = 56;  // …to 8 weeks

std::vector<std::string> warnings(const std::vector<registration::Interval>& sessions);

// Unlike the format, the past is an error: a session cannot be planned, or moved, to a
// moment already gone (`stored_starts_at` is 0 for a new session). A session already
// held keeps its date when the rest of the cycle is edited.
bool placed_in_past(std::int64_t starts_at, std::int64_t stored_starts_at, std::int64_t now);

// The French message for the form row `row` placed in the past.
std::string past_session_message(int row, std::int64_t starts_at);

}  // namespace ateliers::cycle_format
