#include "features/cycles/services/calendar_feeds.hpp"

#include "platform/auth/crypto.hpp"
#include "platform/calendar/icalendar.hpp"
#include "features/cycles/store/calendar.hpp"

namespace ateliers::services {

namespace {

calendar::Event session_event(const store::CalendarSession& s, bool with_visio, const std::string& base_url,
                              std::int64_t now) {
    calendar::Event e;
    e.uid = "session-" + std::to_string(s.session_id) + "@ateliers-territoires.anct.gouv.fr";
    e.summary = "Atelier " + std::to_string(s.number) + "/" + std::to_string(s.sessions_in_cycle) + " – " + s.cycle_title;
    const auto page = base_url + "/cycles/" + s.cycle_slug;
    e.description = "Cycle d’ateliers interactifs de l’ANCT animé par " + s.facilitator +
                    ".\nSéance de 2 heures en visioconférence : caméra et micro activés.\n" +
                    (with_visio ? "Lien de connexion : " + s.visio_url + "\n" : "") + "Le cycle : " + page;
    e.starts_at = s.starts_at;
    e.ends_at = s.ends_at;
    e.url = with_visio && !s.visio_url.empty() ? s.visio_url : page;
    e.sequence = s.sequence;
    e.stamp = now;
    return e;
}

}  // namespace

Result<std::optional<std::string>> cycle_calendar(store::Database& db, const std::string& slug,
                                                  const std::string& base_url) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<std::string> {
            calendar::Calendar cal;
            const auto now = store::now_utc_seconds();
            for (const auto& s : store::cycle_calendar_sessions(sql, slug)) {
                cal.name = s.cycle_title;
                cal.events.push_back(session_event(s, false, base_url, now));
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
            const auto user_id = store::user_of_calendar_token(sql, token);
            if (!user_id) return std::nullopt;
            calendar::Calendar cal;
            cal.name = "Mes ateliers des territoires";
            const auto now = store::now_utc_seconds();
            for (const auto& s : store::confirmed_calendar_sessions(sql, *user_id))
                cal.events.push_back(session_event(s, true, base_url, now));
            return calendar::to_ics(cal);
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::string> calendar_token(store::Database& db, long long user_id) {
    std::string token;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (const auto existing = store::calendar_token_of(sql, user_id); existing && !existing->empty()) {
            token = *existing;
            return Done{};
        }
        token = crypto::random_token();
        store::set_calendar_token(sql, user_id, token);
        return Done{};
    });
    if (!done) return done.failure();
    return token;
}

Result<std::string> rotate_calendar_token(store::Database& db, long long user_id) {
    auto token = crypto::random_token();
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        store::set_calendar_token(sql, user_id, token);
        return Done{};
    });
    if (!done) return done.failure();
    return token;
}

}  // namespace ateliers::services
