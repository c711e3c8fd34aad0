#pragma once
// Attendance at a cycle's sessions, recorded by the facilitator for every
// confirmed participant (present, excused, absent), and the rates organisers
// follow. Recording a person absent without excuse once the session has started
// e-mails them once (a kind word, the next session, how to warn next time), in
// the same transaction; attendance.absence_mail_at keeps it from going twice.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/running/domain/attendance_rules.hpp"
#include "platform/core/result.hpp"
#include "features/running/domain/session_state.hpp"
#include "platform/mail/outbox.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"
#include "features/registration/store/roster.hpp"

namespace ateliers::services {

using attendance::Presence;

struct AttendanceCounts {
    int confirmed = 0, present = 0, excused = 0, absent = 0, unrecorded = 0;
    std::optional<int> rate;  // present / confirmed, whole percent
    // The roll call was taken: someone is recorded present or absent. An excused
    // absence alone may have been noted in advance, so it does not count.
    bool taken() const { return present + absent > 0; }
};

struct AttendanceLine {
    store::ParticipantRow participant;
    std::optional<Presence> status;
    bool mailed = false;  // the absence e-mail went
};

struct SessionAttendance {
    store::CycleRow cycle;
    store::SessionRow session;
    session_plan::SessionState state = session_plan::SessionState::upcoming;
    bool started = false;  // by its schedule or in the runner
    std::vector<AttendanceLine> lines;  // confirmed participants, by name
    AttendanceCounts counts;
};

// nullopt when the cycle or its session `number` does not exist.
Result<std::optional<SessionAttendance>> session_attendance(store::Database& db, const std::string& slug,
                                                            int number, std::int64_t now = store::now_utc_seconds());

struct AttendanceOutcome {
    int changed = 0;  // records created or changed
    int mails = 0;    // absence e-mails queued
};

// `entries`: registration id -> status; people left out keep what they had. Every
// id must be a confirmed registration of the cycle.
Result<AttendanceOutcome> record_attendance(store::Database& db, long long actor_id, const std::string& slug,
                                            int number, const std::map<long long, Presence>& entries,
                                            const MailContext& mail, std::int64_t now = store::now_utc_seconds());

// Rates count the sessions held (started, by schedule or in the runner) whose
// roll call was taken: a session just begun, or one the facilitator has not
// filled in yet, would read as 0 %.
struct SessionRate {
    store::SessionRow session;
    session_plan::SessionState state = session_plan::SessionState::upcoming;
    bool held = false;     // started
    bool counted = false;  // held and its roll call taken
    AttendanceCounts counts;  // only when held
};

struct ParticipantRate {
    store::ParticipantRow participant;
    std::vector<std::optional<Presence>> statuses;  // parallel to CycleAttendance::sessions
    int attended = 0;         // present, over the counted sessions
    int counted = 0;          // counted sessions
    std::optional<int> rate;  // attended / counted
};

struct CycleAttendance {
    store::CycleRow cycle;
    std::vector<SessionRate> sessions;          // by number
    std::vector<ParticipantRate> participants;  // confirmed, by name
    int held = 0;      // sessions started
    int counted = 0;   // sessions started with their roll call taken
    int attended = 0;  // presences over the counted sessions
    int expected = 0;  // confirmed participants × counted sessions
    std::optional<int> rate;
};

Result<std::optional<CycleAttendance>> cycle_attendance(store::Database& db, const std::string& slug,
                                                        std::int64_t now = store::now_utc_seconds());

}  // namespace ateliers::services
