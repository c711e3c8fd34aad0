#include "features/running/services/attendance.hpp"

#include <algorithm>

#include "platform/core/text.hpp"
#include "features/running/services/absence_mail.hpp"
#include "platform/audit/audit.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/running/store/attendance.hpp"

namespace ateliers::services {

namespace {

using attendance::parse_presence;

struct Record {
    Presence status = Presence::present;
    bool mailed = false;
};

// registration id -> record, for one session.
std::map<long long, Record> session_records(soci::session& sql, long long session_id) {
    std::map<long long, Record> out;
    for (const auto& r : store::session_attendance_records(sql, session_id)) {
        Record rec;
        if (!parse_presence(r.status, rec.status)) continue;
        rec.mailed = r.absence_mailed;
        out[r.registration_id] = rec;
    }
    return out;
}

void sort_by_name(std::vector<store::ParticipantRow>& people) {
    std::ranges::sort(people, [](const store::ParticipantRow& a, const store::ParticipantRow& b) {
        return text::fold_for_search(a.full_name) < text::fold_for_search(b.full_name);
    });
}

void count(AttendanceCounts& c, const std::optional<Presence>& status) {
    ++c.confirmed;
    if (!status) ++c.unrecorded;
    else if (*status == Presence::present) ++c.present;
    else if (*status == Presence::excused) ++c.excused;
    else ++c.absent;
    c.rate = attendance::rate_percent(c.present, c.confirmed);
}

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n > 1 ? many : one);
}

}  // namespace

Result<std::optional<SessionAttendance>> session_attendance(store::Database& db, const std::string& slug,
                                                            int number, std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<SessionAttendance> {
            auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            const auto sessions = store::sessions_by_number(sql, cycle->id);
            const auto session = std::ranges::find_if(sessions, [&](const auto& s) { return s.number == number; });
            if (session == sessions.end()) return std::nullopt;
            SessionAttendance out;
            out.cycle = *cycle;
            out.session = *session;
            out.state = session_state_of(live_stages(sql, cycle->id), session->id, session->starts_at,
                                         session->ends_at, now);
            out.started = session_plan::has_started(out.state);
            auto people = store::confirmed_participants(sql, cycle->id);
            sort_by_name(people);
            const auto records = session_records(sql, session->id);
            for (auto& p : people) {
                AttendanceLine line;
                if (const auto it = records.find(p.registration_id); it != records.end()) {
                    line.status = it->second.status;
                    line.mailed = it->second.mailed;
                }
                count(out.counts, line.status);
                line.participant = std::move(p);
                out.lines.push_back(std::move(line));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<AttendanceOutcome> record_attendance(store::Database& db, long long actor_id, const std::string& slug,
                                            int number, const std::map<long long, Presence>& entries,
                                            const MailContext& mail, std::int64_t now) {
    return store::in_transaction<AttendanceOutcome>(db, [&](soci::session& sql) -> Result<AttendanceOutcome> {
        auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
        const auto sessions = store::sessions_by_number(sql, cycle->id);
        const auto session = std::ranges::find_if(sessions, [&](const auto& s) { return s.number == number; });
        if (session == sessions.end()) return fail("Ce cycle n’a pas de séance " + std::to_string(number) + ".", {}, FailureKind::not_found);
        const bool started = session_plan::has_started(
            session_state_of(live_stages(sql, cycle->id), session->id, session->starts_at, session->ends_at, now));
        const auto people = store::confirmed_participants(sql, cycle->id);
        const auto records = session_records(sql, session->id);
        const long long session_id = session->id;
        AttendanceOutcome out;
        int present = 0, excused = 0, absent = 0;
        for (const auto& [registration_id, status] : entries) {
            const auto person = std::ranges::find_if(
                people, [&](const store::ParticipantRow& p) { return p.registration_id == registration_id; });
            if (person == people.end())
                return fail("La liste des participants a changé depuis l’ouverture de la page : rechargez-la, puis "
                            "enregistrez à nouveau les présences.",
                            {}, FailureKind::conflict);
            if (!attendance::may_record(status, started))
                return fail("La séance " + std::to_string(number) +
                                " n’a pas encore commencé : seules les absences excusées peuvent être notées à "
                                "l’avance (depuis la page des groupes, pour que les groupes en tiennent compte).",
                            {}, FailureKind::invalid);
            (status == Presence::present ? present : status == Presence::excused ? excused : absent)++;
            const auto before = records.find(registration_id);
            const std::string code = attendance::presence_code(status);
            const long long at = now;
            if (before == records.end()) {
                store::insert_attendance(sql, session_id, registration_id, code, at);
                ++out.changed;
            } else if (before->second.status != status) {
                store::update_attendance_status(sql, session_id, registration_id, code, at);
                ++out.changed;
            }
            const bool mailed = before != records.end() && before->second.mailed;
            if (!attendance::needs_absence_mail(status, started, mailed)) continue;
            const auto index = static_cast<std::size_t>(session - sessions.begin());
            enqueue_mail(sql, absence_mail(absence_mail_facts(sql, *cycle, sessions, index, *person), mail));
            store::mark_absence_mailed(sql, session_id, registration_id, at);
            ++out.mails;
        }
        record_audit(sql, actor_id, "attendance.record", "cycle:" + cycle->slug,
                     "Séance " + std::to_string(number) + " : " + plural(present, "présence", "présences") + ", " +
                         plural(excused, "absence excusée", "absences excusées") + ", " +
                         plural(absent, "absence sans excuse", "absences sans excuse") + " ; " +
                         plural(out.mails, "e-mail d’absence envoyé", "e-mails d’absence envoyés"));
        return out;
    });
}

Result<std::optional<CycleAttendance>> cycle_attendance(store::Database& db, const std::string& slug,
                                                        std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleAttendance> {
            auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            CycleAttendance out;
            out.cycle = *cycle;
            auto people = store::confirmed_participants(sql, cycle->id);
            sort_by_name(people);
            const auto sessions = store::sessions_by_number(sql, cycle->id);
            const auto stages = live_stages(sql, cycle->id);
            for (auto& p : people) out.participants.push_back({p, {}, 0, 0, std::nullopt});
            for (const auto& session : sessions) {
                SessionRate rate;
                rate.session = session;
                rate.state = session_state_of(stages, session.id, session.starts_at, session.ends_at, now);
                rate.held = session_plan::has_started(rate.state);
                const auto records = session_records(sql, session.id);
                for (auto& p : out.participants) {
                    std::optional<Presence> status;
                    if (const auto it = records.find(p.participant.registration_id); it != records.end())
                        status = it->second.status;
                    p.statuses.push_back(status);
                    if (rate.held) count(rate.counts, status);
                }
                rate.counted = rate.held && rate.counts.taken();
                if (rate.held) ++out.held;
                if (rate.counted) {
                    ++out.counted;
                    out.attended += rate.counts.present;
                    out.expected += rate.counts.confirmed;
                    for (auto& p : out.participants) {
                        ++p.counted;
                        if (p.statuses.back() == Presence::present) ++p.attended;
                    }
                }
                out.sessions.push_back(std::move(rate));
            }
            for (auto& p : out.participants) p.rate = attendance::rate_percent(p.attended, p.counted);
            out.rate = attendance::rate_percent(out.attended, out.expected);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
