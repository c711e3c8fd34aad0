#include "features/running/domain/attendance_rules.hpp"

namespace ateliers::attendance {

bool parse_presence(const std::string& code, Presence& out) {
    if (code == "present") out = Presence::present;
    else if (code == "excused") out = Presence::excused;
    else if (code == "absent") out = Presence::absent;
    else return false;
    return true;
}

const char* presence_code(Presence p) {
    switch (p) {
        case Presence::present: return "present";
        case Presence::excused: return "excused";
        case Presence::absent: return "absent";
    }
    return "";
}

const char* presence_label(Presence p) {
    switch (p) {
        case Presence::present: return "Présence";
        case Presence::excused: return "Absence excusée";
        case Presence::absent: return "Absence sans excuse";
    }
    return "";
}

bool may_record(Presence p, bool session_started) { return session_started || p == Presence::excused; }

bool needs_absence_mail(Presence p, bool session_started, bool already_mailed) {
    return p == Presence::absent && session_started && !already_mailed;
}

std::optional<int> rate_percent(int attended, int expected) {
    if (expected <= 0) return std::nullopt;
    return (attended * 200 + expected) / (2 * expected);
}

std::string rate_text(std::optional<int> percent) {
    if (!percent) return "—";
    return std::to_string(*percent) + "\u202f%";
}

}  // namespace ateliers::attendance
