#include "features/cycles/domain/cycle_format.hpp"

#include <algorithm>

#include "platform/core/paris_time.hpp"

namespace ateliers::cycle_format {

std::vector<std::string> warnings(const std::vector<registration::Interval>& input) {
    std::vector<std::string> out;
    auto sessions = input;
    std::sort(sessions.begin(), sessions.end(), [](auto& a, auto& b) { return a.starts_at < b.starts_at; });
    if (sessions.size() != expected_sessions)
        out.push_back("Le format prévoit 4 séances ; ce cycle en compte " + std::to_string(sessions.size()) + ".");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const auto& s = sessions[i];
        const auto n = std::to_string(i + 1);
        if (s.ends_at <= s.starts_at) {
            out.push_back("La séance " + n + " se termine avant de commencer.");
            continue;
        }
        if (s.ends_at - s.starts_at != expected_duration_seconds)
            out.push_back("La séance " + n + " ne dure pas 2 heures (" +
                          std::to_string((s.ends_at - s.starts_at) / 60) + " minutes).");
        const auto local = paris_time::to_local(s.starts_at);
        const int minutes = local.hour * 60 + local.minute;
        const bool early_morning = minutes >= 8 * 60 && minutes <= 10 * 60;
        const bool early_afternoon = minutes >= 13 * 60 && minutes <= 14 * 60 + 30;
        if (!early_morning && !early_afternoon)
            out.push_back("La séance " + n + " commence à " + paris_time::time_of_day(s.starts_at) +
                          " : le format prévoit un début de matinée (8 h – 10 h) ou d’après-midi (13 h – 14 h 30).");
        if (i > 0 && registration::overlaps(sessions[i - 1], s))
            out.push_back("Les séances " + std::to_string(i) + " et " + n + " se chevauchent.");
    }
    if (sessions.size() >= 2) {
        const auto span_days = (sessions.back().starts_at - sessions.front().starts_at) / 86400;
        if (span_days < min_span_days || span_days > max_span_days)
            out.push_back("Les séances s’étalent sur " + std::to_string(span_days) +
                          " jours : le format prévoit 6 à 8 semaines entre la première et la dernière.");
    }
    return out;
}

bool placed_in_past(std::int64_t starts_at, std::int64_t stored_starts_at, std::int64_t now) {
    return starts_at < now && starts_at != stored_starts_at;
}

std::string past_session_message(int row, std::int64_t starts_at) {
    return "Séance " + std::to_string(row) + " : le " + paris_time::long_date(starts_at) + " à " +
           paris_time::time_of_day(starts_at) + " est déjà passé. Choisissez une date à venir.";
}

}  // namespace ateliers::cycle_format
