#include "features/cycles/store/calendar.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

const char* session_columns =
    "SELECT s.id, s.number, s.starts_at, s.ends_at, s.visio_url, s.sequence, c.title, c.slug, "
    "COALESCE(f.full_name, '') AS facilitator, "
    "(SELECT COUNT(*) FROM cycle_sessions t WHERE t.cycle_id = c.id) AS sessions_in_cycle "
    "FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id LEFT JOIN facilitators f ON f.id = c.facilitator_id ";

CalendarSession from_row(const soci::row& r) {
    CalendarSession s;
    s.session_id = as_int(r, "id");
    s.number = static_cast<int>(as_int(r, "number"));
    s.starts_at = as_int(r, "starts_at");
    s.ends_at = as_int(r, "ends_at");
    s.visio_url = as_text(r, "visio_url");
    s.sequence = static_cast<int>(as_int(r, "sequence"));
    s.cycle_title = as_text(r, "title");
    s.cycle_slug = as_text(r, "slug");
    s.facilitator = as_text(r, "facilitator");
    s.sessions_in_cycle = static_cast<int>(as_int(r, "sessions_in_cycle"));
    return s;
}

}  // namespace

std::vector<CalendarSession> cycle_calendar_sessions(soci::session& sql, const std::string& slug) {
    std::vector<CalendarSession> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(session_columns) +
                            "WHERE c.slug = :s AND c.status IN ('published', 'closed') ORDER BY s.starts_at",
         soci::use(slug));
    for (const auto& r : rows) out.push_back(from_row(r));
    return out;
}

std::vector<CalendarSession> confirmed_calendar_sessions(soci::session& sql, long long user_id) {
    std::vector<CalendarSession> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(session_columns) +
                            "JOIN registrations r ON r.cycle_id = c.id AND r.user_id = :u "
                            "AND r.status = 'confirmed' ORDER BY s.starts_at",
         soci::use(user_id));
    for (const auto& r : rows) out.push_back(from_row(r));
    return out;
}

std::optional<long long> user_of_calendar_token(soci::session& sql, const std::string& token) {
    long long user_id = 0;
    sql << "SELECT id FROM users WHERE calendar_token = :t", soci::use(token), soci::into(user_id);
    if (!sql.got_data()) return std::nullopt;
    return user_id;
}

std::optional<std::string> calendar_token_of(soci::session& sql, long long user_id) {
    std::string token;
    soci::indicator ind = soci::i_null;
    sql << "SELECT calendar_token FROM users WHERE id = :u", soci::use(user_id), soci::into(token, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return token;
}

void set_calendar_token(soci::session& sql, long long user_id, const std::string& token) {
    sql << "UPDATE users SET calendar_token = :t WHERE id = :u", soci::use(token), soci::use(user_id);
}

}  // namespace ateliers::store
