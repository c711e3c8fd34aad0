#include "features/registration/store/registrations.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"
#include "features/registration/store/waiting_list.hpp"

namespace ateliers::store {

std::vector<OverlappingSession> overlapping_sessions(soci::session& sql, long long user_id, long long cycle_id) {
    std::vector<OverlappingSession> out;
    for_each_row(
        sql,
        "SELECT DISTINCT c.title, o.starts_at FROM registrations r "
        "JOIN cycles c ON c.id = r.cycle_id JOIN cycle_sessions o ON o.cycle_id = r.cycle_id "
        "JOIN cycle_sessions s ON s.cycle_id = :c AND s.starts_at < o.ends_at AND o.starts_at < s.ends_at "
        "WHERE r.user_id = :u AND r.cycle_id <> :c2 AND r.status IN ('applied', 'confirmed', 'waiting') "
        "ORDER BY o.starts_at",
        [&](const soci::row& r) { out.push_back({as_text(r, "title"), as_int(r, "starts_at")}); },
        soci::use(cycle_id, "c"), soci::use(user_id, "u"), soci::use(cycle_id, "c2"));
    return out;
}

PlaceCheck place_check(soci::session& sql, long long cycle_id, long long user_id, const std::string& collectivite_id,
                       long long arrival) {
    static const std::string query =
        "SELECT (SELECT COUNT(*) FROM registrations WHERE cycle_id = :c1 AND user_id = :u "
        "AND status IN ('applied', 'confirmed', 'waiting')) AS mine, "
        "(SELECT COUNT(*) FROM registrations WHERE cycle_id = :c2 AND collectivite_slot = :k) AS colleagues, "
        "(SELECT COUNT(*) FROM registrations WHERE cycle_id = :c3 AND status = 'confirmed') AS confirmed, " +
        std::string(waiting_ahead_of_new_arrival) + " AS waiting_ahead";
    soci::row r;
    execute(sql, query, soci::use(cycle_id, "c1"), soci::use(user_id, "u"), soci::use(cycle_id, "c2"),
            soci::use(collectivite_id, "k"), soci::use(cycle_id, "c3"), soci::use(cycle_id, "wait_cycle"),
            soci::use(arrival, "wait_arrival"), soci::into(r));
    return {as_int(r, "mine") > 0, as_int(r, "colleagues") > 0, static_cast<int>(as_int(r, "confirmed")),
            static_cast<int>(as_int(r, "waiting_ahead")) + 1};
}

int pending_applications_in_round(soci::session& sql, long long user_id, long long closes_at) {
    long long choice_rank = 0;
    execute(sql,
            "SELECT COUNT(*) FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE r.user_id = :u "
            "AND r.status = 'applied' AND c.mode = 'application' AND c.registration_closes_at = :d",
            soci::use(user_id, "u"), soci::use(closes_at, "d"), soci::into(choice_rank));
    return static_cast<int>(choice_rank);
}

long long insert_registration(soci::session& sql, const NewRegistration& n) {
    soci::indicator seat_ind = n.seat ? soci::i_ok : soci::i_null;
    soci::indicator slot_ind = n.collectivite_slot ? soci::i_ok : soci::i_null;
    const int seat = n.seat.value_or(0);
    const std::string slot = n.collectivite_slot.value_or(n.collectivite_id);
    const long long choice_rank = n.choice_rank;
    long long id = 0;
    execute(sql,
            "INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, "
            "function_title, situation, status, seat, arrival, created_at, updated_at, choice_rank) VALUES (:c, :u, "
            ":k, :slot, :m, :f, :s, :st, :seat, :a, :t1, :t2, :rank) RETURNING id",
            soci::use(n.cycle_id, "c"), soci::use(n.user_id, "u"), soci::use(n.collectivite_id, "k"),
            soci::use(slot, slot_ind, "slot"), soci::use(n.mandate, "m"), soci::use(n.function_title, "f"),
            soci::use(n.situation, "s"), soci::use(n.status, "st"), soci::use(seat, seat_ind, "seat"),
            soci::use(n.arrival, "a"), soci::use(n.now, "t1"), soci::use(n.now, "t2"), soci::use(choice_rank, "rank"),
            soci::into(id));
    return id;
}

void confirm_with_seat(soci::session& sql, long long registration_id, int seat, long long now) {
    sql << "UPDATE registrations SET status = 'confirmed', seat = :seat, updated_at = :t WHERE id = :id",
        soci::use(seat), soci::use(now), soci::use(registration_id);
}

std::optional<OwnRegistration> find_own_registration(soci::session& sql, long long registration_id, long long user_id) {
    soci::row r;
    sql << "SELECT cycle_id, status, COALESCE(collectivite_slot, '') AS collectivite_slot FROM registrations "
           "WHERE id = :id AND user_id = :u",
        soci::use(registration_id), soci::use(user_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return OwnRegistration{as_int(r, "cycle_id"), as_text(r, "status"), as_text(r, "collectivite_slot")};
}

void cancel_registration(soci::session& sql, long long registration_id, long long now) {
    sql << "UPDATE registrations SET status = 'cancelled', seat = NULL, collectivite_slot = NULL, updated_at = :t "
           "WHERE id = :id",
        soci::use(now), soci::use(registration_id);
}

std::optional<SituationContext> find_own_situation_context(soci::session& sql, long long registration_id,
                                                           long long user_id) {
    soci::row r;
    sql << "SELECT r.cycle_id, r.status, (SELECT MIN(starts_at) FROM cycle_sessions s WHERE s.cycle_id = r.cycle_id) "
           "AS first_session_at FROM registrations r WHERE r.id = :id AND r.user_id = :u",
        soci::use(registration_id), soci::use(user_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return SituationContext{as_int(r, "cycle_id"), as_text(r, "status"), as_optional_int(r, "first_session_at")};
}

void set_situation(soci::session& sql, long long registration_id, const std::string& situation, long long now) {
    sql << "UPDATE registrations SET situation = :s, updated_at = :t WHERE id = :id", soci::use(situation),
        soci::use(now), soci::use(registration_id);
}

std::optional<RegistrationOwner> registration_owner(soci::session& sql, long long registration_id) {
    RegistrationOwner o;
    sql << "SELECT user_id, status FROM registrations WHERE id = :id", soci::use(registration_id),
        soci::into(o.user_id), soci::into(o.status);
    if (!sql.got_data()) return std::nullopt;
    return o;
}

std::vector<long long> round_choices(soci::session& sql, long long registration_id) {
    std::vector<long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT o.id FROM registrations me JOIN cycles mc ON mc.id = me.cycle_id "
                        "JOIN cycles oc ON oc.mode = 'application' AND oc.registration_closes_at = mc.registration_closes_at "
                        "JOIN registrations o ON o.cycle_id = oc.id AND o.user_id = me.user_id AND o.status = 'applied' "
                        "WHERE me.id = :id AND mc.mode = 'application' ORDER BY o.choice_rank, o.arrival, o.id",
         soci::use(registration_id));
    for (const auto& r : rows) out.push_back(as_int(r, "id"));
    return out;
}

void set_choice_rank(soci::session& sql, long long registration_id, int rank, long long now) {
    sql << "UPDATE registrations SET choice_rank = :r, updated_at = :t WHERE id = :id", soci::use(rank, "r"),
        soci::use(now, "t"), soci::use(registration_id, "id");
}

std::vector<UserRegistrationRow> registrations_of_user(soci::session& sql, long long user_id) {
    std::vector<UserRegistrationRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id, c.slug, c.title, COALESCE(f.full_name, '') AS facilitator, r.status, r.situation, "
                        "(SELECT MIN(starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id) AS first_session_at, "
                        "(SELECT MAX(ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id) AS last_session_ends_at, "
                        "c.id AS cycle_id "
                        "FROM registrations r JOIN cycles c ON c.id = r.cycle_id "
                        "LEFT JOIN facilitators f ON f.id = c.facilitator_id WHERE r.user_id = :u "
                        "ORDER BY 7, r.id",
         soci::use(user_id));
    for (const auto& r : rows) {
        UserRegistrationRow m;
        m.id = as_int(r, "id");
        m.cycle_id = as_int(r, "cycle_id");
        m.cycle_slug = as_text(r, "slug");
        m.cycle_title = as_text(r, "title");
        m.facilitator = as_text(r, "facilitator");
        m.status = as_text(r, "status");
        m.situation = as_text(r, "situation");
        m.first_session_at = as_int(r, "first_session_at");
        m.last_session_ends_at = as_int(r, "last_session_ends_at");
        out.push_back(std::move(m));
    }
    return out;
}

long long cycle_of_registration(soci::session& sql, long long registration_id) {
    long long cycle_id = 0;
    sql << "SELECT cycle_id FROM registrations WHERE id = :id", soci::use(registration_id), soci::into(cycle_id);
    return cycle_id;
}

std::vector<ActiveRegistration> active_registrations_of(soci::session& sql, long long user_id) {
    std::vector<ActiveRegistration> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, cycle_id, status FROM registrations WHERE user_id = :u "
                        "AND status IN ('applied', 'confirmed', 'waiting')",
         soci::use(user_id));
    for (const auto& r : rows) out.push_back({as_int(r, "id"), as_int(r, "cycle_id"), as_text(r, "status")});
    return out;
}

}  // namespace ateliers::store
