#include "features/cycles/services/calendar_feeds.hpp"

#include "platform/auth/crypto.hpp"
#include "platform/calendar/icalendar.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

calendar::Event session_event(const soci::row& r, int total, bool with_visio, const std::string& base_url,
                              std::int64_t now) {
    // Columns: session id, number, starts, ends, visio, sequence, cycle title, cycle slug, facilitator.
    calendar::Event e;
    e.uid = "session-" + as_text(r, 0) + "@ateliers-territoires.anct.gouv.fr";
    e.summary = "Atelier " + as_text(r, 1) + "/" + std::to_string(total) + " – " + as_text(r, 6);
    const auto page = base_url + "/cycles/" + as_text(r, 7);
    e.description = "Cycle d’ateliers interactifs de l’ANCT animé par " + as_text(r, 8) +
                    ".\nSéance de 2 heures en visioconférence : caméra et micro activés.\n" +
                    (with_visio ? "Lien de connexion : " + as_text(r, 4) + "\n" : "") + "Le cycle : " + page;
    e.starts_at = as_int(r, 2);
    e.ends_at = as_int(r, 3);
    e.url = with_visio && !as_text(r, 4).empty() ? as_text(r, 4) : page;
    e.sequence = static_cast<int>(as_int(r, 5));
    e.stamp = now;
    return e;
}

const char* session_columns =
    "SELECT s.id, s.number, s.starts_at, s.ends_at, s.visio_url, s.sequence, c.title, c.slug, "
    "COALESCE(f.full_name, ''), (SELECT COUNT(*) FROM cycle_sessions t WHERE t.cycle_id = c.id) "
    "FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id LEFT JOIN facilitators f ON f.id = c.facilitator_id ";

}  // namespace

Result<std::optional<std::string>> cycle_calendar(store::Database& db, const std::string& slug,
                                                  const std::string& base_url) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<std::string> {
            calendar::Calendar cal;
            const auto now = store::now_utc_seconds();
            soci::rowset<soci::row> rows =
                (sql.prepare << std::string(session_columns) +
                                    "WHERE c.slug = :s AND c.status IN ('published', 'closed') ORDER BY s.starts_at",
                 soci::use(slug));
            for (const auto& r : rows) {
                cal.name = as_text(r, 6);
                cal.events.push_back(session_event(r, static_cast<int>(as_int(r, 9)), false, base_url, now));
            }
            if (cal.events.empty()) return std::nullopt;
            return calendar::to_ics(cal);
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::optional<std::string>> personal_calendar(store::Database& db, const std::string& token,
                                                     const std::string& base_url) {
    if (token.size() < 20) return std::optional<std::string>{};
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<std::string> {
            long long user_id = 0;
            sql << "SELECT id FROM users WHERE calendar_token = :t", soci::use(token), soci::into(user_id);
            if (!sql.got_data()) return std::nullopt;
            calendar::Calendar cal;
            cal.name = "Mes ateliers des territoires";
            const auto now = store::now_utc_seconds();
            soci::rowset<soci::row> rows =
                (sql.prepare << std::string(session_columns) +
                                    "JOIN registrations r ON r.cycle_id = c.id AND r.user_id = :u "
                                    "AND r.status = 'confirmed' ORDER BY s.starts_at",
                 soci::use(user_id));
            for (const auto& r : rows)
                cal.events.push_back(session_event(r, static_cast<int>(as_int(r, 9)), true, base_url, now));
            return calendar::to_ics(cal);
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::string> calendar_token(store::Database& db, long long user_id) {
    std::string token;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        soci::indicator ind = soci::i_null;
        sql << "SELECT calendar_token FROM users WHERE id = :u", soci::use(user_id), soci::into(token, ind);
        if (ind == soci::i_ok && !token.empty()) return Done{};
        token = crypto::random_token();
        sql << "UPDATE users SET calendar_token = :t WHERE id = :u", soci::use(token), soci::use(user_id);
        return Done{};
    });
    if (!done) return done.failure();
    return token;
}

Result<std::string> rotate_calendar_token(store::Database& db, long long user_id) {
    auto token = crypto::random_token();
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        sql << "UPDATE users SET calendar_token = :t WHERE id = :u", soci::use(token), soci::use(user_id);
        return Done{};
    });
    if (!done) return done.failure();
    return token;
}

}  // namespace ateliers::services
