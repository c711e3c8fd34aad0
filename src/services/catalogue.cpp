#include "services/catalogue.hpp"

#include <map>

#include "domain/territory_types.hpp"
#include "store/rows.hpp"

namespace ateliers::services {

using store::as_int;
using store::as_text;

Result<std::vector<CycleSummary>> upcoming_cycles(store::Database& db, std::int64_t now_utc, int limit) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<CycleSummary> cycles;
            const long long now = now_utc;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT c.id, c.slug, c.title, c.theme, c.summary, c.territory_types, "
                                "COALESCE(f.full_name, ''), c.capacity, c.mode, COALESCE(c.registration_opens_at, 0), "
                                "COALESCE(c.registration_closes_at, 0), MIN(s.starts_at) AS first_start "
                                "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id "
                                "JOIN cycle_sessions s ON s.cycle_id = c.id WHERE c.status = 'published' "
                                "GROUP BY c.id, c.slug, c.title, c.theme, c.summary, c.territory_types, f.full_name, "
                                "c.capacity, c.mode, c.registration_opens_at, c.registration_closes_at "
                                "HAVING MAX(s.ends_at) > :now ORDER BY first_start, c.id LIMIT :lim",
                 soci::use(now, "now"), soci::use(limit, "lim"));
            std::map<long long, std::size_t> index;
            for (const auto& r : rows) {
                CycleSummary c;
                c.id = as_int(r, 0);
                c.slug = as_text(r, 1);
                c.title = as_text(r, 2);
                c.theme = as_text(r, 3);
                c.summary = as_text(r, 4);
                c.territory_types = territory::split_codes(as_text(r, 5));
                c.facilitator_name = as_text(r, 6);
                c.capacity = static_cast<int>(as_int(r, 7));
                c.mode = as_text(r, 8);
                c.registration_opens_at = as_int(r, 9);
                c.registration_closes_at = as_int(r, 10);
                index[c.id] = cycles.size();
                cycles.push_back(std::move(c));
            }
            if (cycles.empty()) return cycles;
            // Sessions of the listed cycles in one query rather than one per cycle.
            soci::rowset<soci::row> sessions =
                (sql.prepare << "SELECT s.cycle_id, s.number, s.starts_at, s.ends_at FROM cycle_sessions s "
                                "JOIN cycles c ON c.id = s.cycle_id WHERE c.status = 'published' "
                                "ORDER BY s.cycle_id, s.number");
            for (const auto& r : sessions) {
                const auto it = index.find(as_int(r, 0));
                if (it == index.end()) continue;
                cycles[it->second].sessions.push_back(
                    SessionSlot{static_cast<int>(as_int(r, 1)), as_int(r, 2), as_int(r, 3)});
            }
            return cycles;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<Testimonial>> published_testimonials(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<Testimonial> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT author, role_text, place, quote FROM testimonials WHERE published = 1 "
                                "ORDER BY sort_order, id");
            for (const auto& r : rows) out.push_back({as_text(r, 0), as_text(r, 1), as_text(r, 2), as_text(r, 3)});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
