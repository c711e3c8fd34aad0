#include "features/running/store/contributions.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

const char* lead_columns =
    "SELECT l.id AS id, l.registration_id AS registration_id, l.session_id AS session_id, s.number AS number, "
    "s.starts_at AS starts_at, c.slug AS slug, c.title AS title, l.body AS body, l.status AS status, "
    "l.progress_note AS progress_note, l.updated_at AS updated_at FROM action_leads l "
    "JOIN registrations r ON r.id = l.registration_id "
    "JOIN cycle_sessions s ON s.id = l.session_id JOIN cycles c ON c.id = s.cycle_id ";

ActionLeadDetailRow lead_from_row(const soci::row& r) {
    ActionLeadDetailRow l;
    l.id = as_int(r, "id");
    l.registration_id = as_int(r, "registration_id");
    l.session_id = as_int(r, "session_id");
    l.session_number = static_cast<int>(as_int(r, "number"));
    l.session_starts_at = as_int(r, "starts_at");
    l.cycle_slug = as_text(r, "slug");
    l.cycle_title = as_text(r, "title");
    l.body = as_text(r, "body");
    l.status = as_text(r, "status");
    l.progress_note = as_text(r, "progress_note");
    l.updated_at = as_int(r, "updated_at");
    return l;
}

}  // namespace

std::optional<GroupSeatRow> group_seat(soci::session& sql, long long session_id, long long registration_id) {
    soci::row r;
    sql << "SELECT group_number, is_client FROM session_groups WHERE session_id = :s AND registration_id = :r",
        soci::use(session_id), soci::use(registration_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return GroupSeatRow{static_cast<int>(as_int(r, "group_number")), as_int(r, "is_client") != 0};
}

long long insert_group_post(soci::session& sql, long long session_id, int group_number, long long registration_id,
                            const std::string& body, long long created_at) {
    long long id = 0;
    sql << "INSERT INTO group_posts (session_id, group_number, author_registration_id, body, created_at) "
           "VALUES (:s, :g, :r, :b, :t) RETURNING id",
        soci::use(session_id), soci::use(group_number), soci::use(registration_id), soci::use(body),
        soci::use(created_at), soci::into(id);
    return id;
}

long long action_lead_count(soci::session& sql, long long session_id, long long registration_id) {
    long long already = 0;
    sql << "SELECT COUNT(*) FROM action_leads WHERE session_id = :s AND registration_id = :r", soci::use(session_id),
        soci::use(registration_id), soci::into(already);
    return already;
}

long long insert_action_lead(soci::session& sql, long long registration_id, long long session_id,
                             const std::string& body, long long now) {
    long long id = 0;
    sql << "INSERT INTO action_leads (registration_id, session_id, body, status, progress_note, created_at, "
           "updated_at) VALUES (:r, :s, :b, 'open', '', :t1, :t2) RETURNING id",
        soci::use(registration_id), soci::use(session_id), soci::use(body), soci::use(now), soci::use(now),
        soci::into(id);
    return id;
}

std::vector<ActionLeadDetailRow> user_action_leads(soci::session& sql, long long user_id) {
    std::vector<ActionLeadDetailRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(lead_columns) + "WHERE r.user_id = :u ORDER BY s.starts_at DESC, l.id",
         soci::use(user_id));
    for (const auto& r : rows) out.push_back(lead_from_row(r));
    return out;
}

std::vector<ActionLeadDetailRow> earlier_user_action_leads(soci::session& sql, long long user_id,
                                                           long long session_id) {
    std::vector<ActionLeadDetailRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(lead_columns) +
                            "JOIN cycle_sessions cur ON cur.id = :s AND cur.cycle_id = s.cycle_id "
                            "WHERE r.user_id = :u AND s.starts_at < cur.starts_at ORDER BY s.starts_at, l.id",
         soci::use(session_id), soci::use(user_id));
    for (const auto& r : rows) out.push_back(lead_from_row(r));
    return out;
}

std::optional<long long> action_lead_owner(soci::session& sql, long long lead_id) {
    long long owner = 0;
    sql << "SELECT r.user_id FROM action_leads l JOIN registrations r ON r.id = l.registration_id WHERE l.id = :l",
        soci::use(lead_id), soci::into(owner);
    if (!sql.got_data()) return std::nullopt;
    return owner;
}

void update_action_lead(soci::session& sql, long long lead_id, const std::string& status,
                        const std::string& progress_note, long long updated_at) {
    sql << "UPDATE action_leads SET status = :st, progress_note = :n, updated_at = :t WHERE id = :l",
        soci::use(status), soci::use(progress_note), soci::use(updated_at), soci::use(lead_id);
}

std::vector<UserSessionRow> user_sessions_between(soci::session& sql, long long user_id, long long from,
                                                  long long to) {
    std::vector<UserSessionRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id AS id, s.number AS number, c.title AS title, s.starts_at AS starts_at, "
                        "s.ends_at AS ends_at FROM registrations r "
                        "JOIN cycles c ON c.id = r.cycle_id JOIN cycle_sessions s ON s.cycle_id = c.id "
                        "WHERE r.user_id = :u AND r.status = 'confirmed' AND s.starts_at BETWEEN :a AND :b "
                        "ORDER BY s.starts_at",
         soci::use(user_id), soci::use(from), soci::use(to));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), static_cast<int>(as_int(r, "number")), as_text(r, "title"),
                       as_int(r, "starts_at"), as_int(r, "ends_at")});
    return out;
}

}  // namespace ateliers::store
