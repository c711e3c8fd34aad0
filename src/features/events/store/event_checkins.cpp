#include "features/events/store/event_checkins.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

long long record_event_checkin(soci::session& sql, long long registration_id, long long by_user_id, long long now) {
    soci::indicator by_ind = by_user_id > 0 ? soci::i_ok : soci::i_null;  // 0: the command line
    execute(sql,
            "INSERT INTO event_checkins (registration_id, checked_in_at, checked_in_by) VALUES (:r, :t, :b) "
            "ON CONFLICT (registration_id) DO NOTHING",
            soci::use(registration_id), soci::use(now), soci::use(by_user_id, by_ind));
    return event_checkin_time(sql, registration_id).value_or(now);
}

std::optional<long long> event_checkin_time(soci::session& sql, long long registration_id) {
    std::optional<long long> at;
    for_each_row(
        sql, "SELECT checked_in_at FROM event_checkins WHERE registration_id = :r",
        [&](const soci::row& r) { at = as_int(r, "checked_in_at"); }, soci::use(registration_id));
    return at;
}

std::map<long long, long long> event_checkin_times(soci::session& sql, long long event_id) {
    std::map<long long, long long> out;
    for_each_row(
        sql,
        "SELECT c.registration_id, c.checked_in_at FROM event_checkins c "
        "JOIN event_registrations r ON r.id = c.registration_id WHERE r.event_id = :e",
        [&](const soci::row& r) { out[as_int(r, "registration_id")] = as_int(r, "checked_in_at"); }, soci::use(event_id));
    return out;
}

std::optional<long long> certificate_mailed_at(soci::session& sql, bool postgresql, long long registration_id) {
    std::optional<long long> at;
    for_each_row(
        sql,
        std::string("SELECT certificate_mailed_at FROM event_registrations WHERE id = :r") +
            (postgresql ? " FOR UPDATE" : ""),
        [&](const soci::row& r) { at = as_optional_int(r, "certificate_mailed_at"); }, soci::use(registration_id));
    return at;
}

void record_certificate_mailed(soci::session& sql, long long registration_id, long long now) {
    execute(sql, "UPDATE event_registrations SET certificate_mailed_at = :t WHERE id = :r", soci::use(now),
            soci::use(registration_id));
}

void record_workshop_attendance(soci::session& sql, long long registration_id, long long item_id, long long now) {
    execute(sql,
            "INSERT INTO event_workshop_attendance (registration_id, item_id, marked_at) VALUES (:r, :i, :t) "
            "ON CONFLICT (registration_id, item_id) DO NOTHING",
            soci::use(registration_id), soci::use(item_id), soci::use(now));
}

std::set<std::pair<long long, long long>> workshop_attendance(soci::session& sql, long long event_id) {
    std::set<std::pair<long long, long long>> out;
    for_each_row(
        sql,
        "SELECT a.registration_id, a.item_id FROM event_workshop_attendance a "
        "JOIN event_registrations r ON r.id = a.registration_id WHERE r.event_id = :e",
        [&](const soci::row& r) { out.insert({as_int(r, "registration_id"), as_int(r, "item_id")}); }, soci::use(event_id));
    return out;
}

}  // namespace ateliers::store
