#include "features/events/store/event_registrations.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* registration_columns =
    "SELECT r.id AS id, r.event_id AS event_id, r.user_id AS user_id, r.organisation AS organisation, "
    "r.organisation_kind AS organisation_kind, COALESCE(r.collectivite_id, '') AS collectivite_id, "
    "r.function_title AS function_title, r.attendance AS attendance, r.meals AS meals, "
    "r.accessibility AS accessibility, r.public_listing AS public_listing, r.status AS status, "
    "COALESCE(r.seat, 0) AS seat, r.arrival AS arrival, u.full_name AS full_name, u.email AS email "
    "FROM event_registrations r JOIN users u ON u.id = r.user_id ";

EventRegistrationRow registration_from(const soci::row& r) {
    EventRegistrationRow x;
    x.id = as_int(r, "id");
    x.event_id = as_int(r, "event_id");
    x.user_id = as_int(r, "user_id");
    x.organisation = as_text(r, "organisation");
    x.organisation_kind = as_text(r, "organisation_kind");
    x.collectivite_id = as_text(r, "collectivite_id");
    x.function_title = as_text(r, "function_title");
    x.attendance = as_text(r, "attendance");
    x.meals = as_text(r, "meals");
    x.accessibility = as_text(r, "accessibility");
    x.public_listing = as_int(r, "public_listing") != 0;
    x.status = as_text(r, "status");
    x.seat = static_cast<int>(as_int(r, "seat"));
    x.arrival = as_int(r, "arrival");
    x.full_name = as_text(r, "full_name");
    x.email = as_text(r, "email");
    return x;
}

// Every query on choices names its columns so that one reader serves them all.
const char* choice_columns =
    "c.id AS id, c.registration_id AS registration_id, c.slot_id AS slot_id, c.item_id AS item_id, "
    "c.status AS status, COALESCE(c.seat, 0) AS seat, c.arrival AS arrival";

ChoiceRow choice_from(const soci::row& r) {
    ChoiceRow c;
    c.id = as_int(r, "id");
    c.registration_id = as_int(r, "registration_id");
    c.slot_id = as_int(r, "slot_id");
    c.item_id = as_int(r, "item_id");
    c.status = as_text(r, "status");
    c.seat = static_cast<int>(as_int(r, "seat"));
    c.arrival = as_int(r, "arrival");
    return c;
}

std::vector<int> seat_column(soci::session& sql, const std::string& text, long long id) {
    std::vector<int> out;
    for_each_row(sql, text, [&](const soci::row& r) { out.push_back(static_cast<int>(as_int(r, "seat"))); }, soci::use(id));
    return out;
}

int count_of(soci::session& sql, const std::string& text, long long id) {
    long long n = 0;
    execute(sql, text, soci::use(id), soci::into(n));
    return static_cast<int>(n);
}

}  // namespace

long long insert_event_registration(soci::session& sql, const EventRegistrationRow& r, long long now) {
    long long id = 0;
    const std::string& collectivite = r.collectivite_id;
    soci::indicator collectivite_ind = collectivite.empty() ? soci::i_null : soci::i_ok;
    const int seat = r.seat;
    soci::indicator seat_ind = seat > 0 ? soci::i_ok : soci::i_null;
    const int listing = r.public_listing ? 1 : 0;
    execute(sql,
        "INSERT INTO event_registrations (event_id, user_id, organisation, organisation_kind, collectivite_id, "
        "function_title, attendance, meals, accessibility, public_listing, status, seat, arrival, created_at, "
        "updated_at) VALUES (:e, :u, :o, :k, :c, :f, :a, :m, :acc, :l, :s, :seat, :arrival, :t1, :t2) RETURNING id",
        soci::use(r.event_id), soci::use(r.user_id), soci::use(r.organisation), soci::use(r.organisation_kind),
        soci::use(collectivite, collectivite_ind), soci::use(r.function_title), soci::use(r.attendance),
        soci::use(r.meals), soci::use(r.accessibility), soci::use(listing), soci::use(r.status),
        soci::use(seat, seat_ind), soci::use(r.arrival), soci::use(now), soci::use(now), soci::into(id));
    return id;
}

std::optional<EventRegistrationRow> find_event_registration(soci::session& sql, long long id) {
    soci::row r;
    if (!execute(sql, std::string(registration_columns) + "WHERE r.id = :id", soci::use(id), soci::into(r)))
        return std::nullopt;
    return registration_from(r);
}

std::optional<EventRegistrationRow> active_event_registration(soci::session& sql, long long event_id, long long user_id) {
    soci::row r;
    if (!execute(sql,
                 std::string(registration_columns) +
                     "WHERE r.event_id = :e AND r.user_id = :u AND r.status IN ('confirmed', 'waiting')",
                 soci::use(event_id), soci::use(user_id), soci::into(r)))
        return std::nullopt;
    return registration_from(r);
}

std::vector<EventRegistrationRow> event_registrations(soci::session& sql, long long event_id, bool with_cancelled) {
    std::vector<EventRegistrationRow> out;
    const std::string filter = with_cancelled ? "" : " AND r.status <> 'cancelled'";
    for_each_row(
        sql, std::string(registration_columns) + "WHERE r.event_id = :e" + filter + " ORDER BY r.arrival, r.id",
        [&](const soci::row& r) { out.push_back(registration_from(r)); }, soci::use(event_id));
    return out;
}

void set_event_registration_status(soci::session& sql, long long id, const std::string& status, int seat, long long now) {
    soci::indicator seat_ind = seat > 0 ? soci::i_ok : soci::i_null;
    sql << "UPDATE event_registrations SET status = :s, seat = :seat, updated_at = :t WHERE id = :id", soci::use(status),
        soci::use(seat, seat_ind), soci::use(now), soci::use(id);
}

std::vector<int> taken_event_seats(soci::session& sql, long long event_id) {
    return seat_column(sql, "SELECT seat FROM event_registrations WHERE event_id = :e AND seat IS NOT NULL", event_id);
}

int held_event_seat_count(soci::session& sql, long long event_id) {
    return count_of(sql, "SELECT COUNT(seat) FROM event_registrations WHERE event_id = :e AND seat IS NOT NULL", event_id);
}

int smallest_free_event_seat(soci::session& sql, long long event_id) {
    long long held = 0, highest = 0;
    soci::indicator highest_ind = soci::i_ok;
    execute(sql, "SELECT COUNT(seat), MAX(seat) FROM event_registrations WHERE event_id = :e AND seat IS NOT NULL",
            soci::use(event_id), soci::into(held), soci::into(highest, highest_ind));
    if (held == 0 || highest_ind == soci::i_null) return 1;
    if (held == highest) return static_cast<int>(highest + 1);
    long long one = 0;
    execute(sql, "SELECT COUNT(*) FROM event_registrations WHERE event_id = :e AND seat = 1", soci::use(event_id),
            soci::into(one));
    if (one == 0) return 1;
    long long gap = 0;
    execute(sql,
            "SELECT MIN(r.seat) + 1 FROM event_registrations r WHERE r.event_id = :e AND r.seat IS NOT NULL AND NOT "
            "EXISTS (SELECT 1 FROM event_registrations n WHERE n.event_id = r.event_id AND n.seat = r.seat + 1)",
            soci::use(event_id), soci::into(gap));
    return static_cast<int>(gap);
}

int event_waiting_count(soci::session& sql, long long event_id) {
    return count_of(sql, "SELECT COUNT(*) FROM event_registrations WHERE event_id = :e AND status = 'waiting'", event_id);
}

std::optional<EventRegistrationRow> first_waiting_registration(soci::session& sql, long long event_id) {
    soci::row r;
    if (!execute(sql,
                 std::string(registration_columns) +
                     "WHERE r.event_id = :e AND r.status = 'waiting' ORDER BY r.arrival, r.id LIMIT 1",
                 soci::use(event_id), soci::into(r)))
        return std::nullopt;
    return registration_from(r);
}

std::vector<ChoiceRow> registration_choices(soci::session& sql, long long registration_id) {
    std::vector<ChoiceRow> out;
    for_each_row(
        sql,
        std::string("SELECT ") + choice_columns + " FROM event_choices c WHERE c.registration_id = :r ORDER BY c.slot_id",
        [&](const soci::row& r) { out.push_back(choice_from(r)); },
        soci::use(registration_id));
    return out;
}

void insert_choice(soci::session& sql, const ChoiceRow& c) {
    const int seat = c.seat;
    soci::indicator seat_ind = seat > 0 ? soci::i_ok : soci::i_null;
    execute(sql,
            "INSERT INTO event_choices (registration_id, slot_id, item_id, status, seat, arrival) VALUES (:r, :s, :i, "
            ":st, :seat, :a)",
            soci::use(c.registration_id), soci::use(c.slot_id), soci::use(c.item_id), soci::use(c.status),
            soci::use(seat, seat_ind), soci::use(c.arrival));
}

void set_choice(soci::session& sql, long long choice_id, const std::string& status, int seat, long long arrival) {
    soci::indicator seat_ind = seat > 0 ? soci::i_ok : soci::i_null;
    sql << "UPDATE event_choices SET status = :s, seat = :seat, arrival = :a WHERE id = :id", soci::use(status),
        soci::use(seat, seat_ind), soci::use(arrival), soci::use(choice_id);
}

void delete_choice(soci::session& sql, long long choice_id) {
    execute(sql, "DELETE FROM event_choices WHERE id = :id", soci::use(choice_id));
}

void delete_registration_choices(soci::session& sql, long long registration_id) {
    execute(sql, "DELETE FROM event_choices WHERE registration_id = :r", soci::use(registration_id));
}

std::vector<int> taken_workshop_seats(soci::session& sql, long long item_id) {
    return seat_column(sql, "SELECT seat FROM event_choices WHERE item_id = :i AND seat IS NOT NULL", item_id);
}

int workshop_waiting_count(soci::session& sql, long long item_id) {
    return count_of(sql, "SELECT COUNT(*) FROM event_choices WHERE item_id = :i AND status = 'waiting'", item_id);
}

std::optional<WaitingChoice> first_waiting_choice(soci::session& sql, long long item_id) {
    soci::row r;
    if (!execute(sql,
                 std::string("SELECT ") + choice_columns +
                     ", u.email AS email, u.full_name AS full_name FROM event_choices c "
                     "JOIN event_registrations r ON r.id = c.registration_id "
                 "JOIN users u ON u.id = r.user_id WHERE c.item_id = :i AND c.status = 'waiting' "
                 "AND r.status = 'confirmed' ORDER BY c.arrival, c.id LIMIT 1",
                 soci::use(item_id), soci::into(r)))
        return std::nullopt;
    return WaitingChoice{choice_from(r), as_text(r, "email"), as_text(r, "full_name")};
}

std::map<long long, WorkshopCount> workshop_counts(soci::session& sql, long long event_id) {
    std::map<long long, WorkshopCount> out;
    for_each_row(
        sql,
        "SELECT c.item_id AS item_id, SUM(CASE WHEN c.status = 'held' THEN 1 ELSE 0 END) AS held, "
        "SUM(CASE WHEN c.status = 'waiting' THEN 1 ELSE 0 END) AS waiting FROM event_choices c "
        "JOIN event_items i ON i.id = c.item_id WHERE i.event_id = :e GROUP BY c.item_id",
        [&](const soci::row& r) {
            out[as_int(r, "item_id")] = {static_cast<int>(as_int(r, "held")), static_cast<int>(as_int(r, "waiting"))};
        },
        soci::use(event_id));
    return out;
}

namespace {

ChoicesInUse choices_in_use(soci::session& sql, const std::string& where, long long id) {
    ChoicesInUse out;
    for_each_row(
        sql,
        "SELECT SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END) AS held, "
        "SUM(CASE WHEN status <> 'held' THEN 1 ELSE 0 END) AS waiting FROM event_choices WHERE " + where,
        [&](const soci::row& r) {
            out.held = static_cast<int>(as_int(r, "held"));
            out.waiting = static_cast<int>(as_int(r, "waiting"));
        },
        soci::use(id));
    return out;
}

}  // namespace

ChoicesInUse item_choices_in_use(soci::session& sql, long long item_id) {
    return choices_in_use(sql, "item_id = :i", item_id);
}

ChoicesInUse slot_choices_in_use(soci::session& sql, long long slot_id) {
    return choices_in_use(sql, "slot_id = :s", slot_id);
}

}  // namespace ateliers::store
