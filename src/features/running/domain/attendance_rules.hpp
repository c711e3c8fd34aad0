#pragma once
// Attendance at a cycle's sessions: the three statuses a facilitator records, what
// may be recorded before a session starts, when the "we missed you" e-mail goes,
// and how rates are rounded. Pure.
#include <optional>
#include <string>

namespace ateliers::attendance {

enum class Presence { present, excused, absent };

bool parse_presence(const std::string& code, Presence& out);
const char* presence_code(Presence p);   // present | excused | absent
const char* presence_label(Presence p);  // "Présence", "Absence excusée", "Absence sans excuse"

// Before a session starts only an excused absence makes sense (a known absence,
// so the groups can be composed without the person).
bool may_record(Presence p, bool session_started);

// One kind e-mail to a person recorded absent without excuse once the session has
// started, and never a second one.
bool needs_absence_mail(Presence p, bool session_started, bool already_mailed);

// Whole percent, rounded half up; nullopt when nothing is expected (0 / 0).
std::optional<int> rate_percent(int attended, int expected);

// "80 %" with a narrow no-break space, "—" for no rate.
std::string rate_text(std::optional<int> percent);

}  // namespace ateliers::attendance
