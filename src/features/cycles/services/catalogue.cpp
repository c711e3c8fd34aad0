#include "features/cycles/services/catalogue.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using store::as_int;
using store::as_text;

namespace {

const char* summary_select =
    "SELECT c.id, c.slug, c.title, c.theme, c.summary, c.territory_types, COALESCE(f.full_name, ''), c.capacity, "
    "c.mode, COALESCE(c.registration_opens_at, 0), COALESCE(c.registration_closes_at, 0), c.region_code, "
    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'confirmed'), c.status "
    "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id ";

CycleSummary summary_from_row(const soci::row& r) {
    CycleSummary c;
    c.id = as_int(r, 0);
    c.slug = as_text(r, 1);
    c.title = as_text(r, 2);
    c.theme = as_text(r, 3);
    c.summary = as_text(r, 4);
    c.territory_types = territory::split_codes(as_text(r, 5));
    c.facilitator_name = as_text(r, 6);
    c.capacity = static_cast<int>(as_int(r, 7));
    registration::parse_mode(as_text(r, 8), c.mode);
    c.registration_opens_at = as_int(r, 9);
    c.registration_closes_at = as_int(r, 10);
    c.region_code = as_text(r, 11);
    c.seats_taken = static_cast<int>(as_int(r, 12));
    c.status = as_text(r, 13);
    return c;
}

// Sessions of the given published cycles in one query rather than one per cycle.
void attach_sessions(soci::session& sql, std::vector<CycleSummary>& cycles) {
    std::map<long long, std::size_t> index;
    for (std::size_t i = 0; i < cycles.size(); ++i) index[cycles[i].id] = i;
    soci::rowset<soci::row> sessions =
        (sql.prepare << "SELECT s.cycle_id, s.number, s.starts_at, s.ends_at FROM cycle_sessions s "
                        "JOIN cycles c ON c.id = s.cycle_id WHERE c.status = 'published' ORDER BY s.cycle_id, s.starts_at");
    for (const auto& r : sessions) {
        const auto it = index.find(as_int(r, 0));
        if (it == index.end()) continue;
        cycles[it->second].sessions.push_back(SessionSlot{static_cast<int>(as_int(r, 1)), as_int(r, 2), as_int(r, 3)});
    }
}

// Sessions of one cycle, whatever its status (a closed cycle's page, a draft's preview).
void attach_own_sessions(soci::session& sql, CycleSummary& cycle) {
    soci::rowset<soci::row> sessions =
        (sql.prepare << "SELECT number, starts_at, ends_at FROM cycle_sessions WHERE cycle_id = :c ORDER BY starts_at",
         soci::use(cycle.id));
    for (const auto& r : sessions)
        cycle.sessions.push_back(SessionSlot{static_cast<int>(as_int(r, 0)), as_int(r, 1), as_int(r, 2)});
}

std::vector<CycleSummary> load_upcoming(soci::session& sql, std::int64_t now_utc) {
    std::vector<CycleSummary> cycles;
    const long long now = now_utc;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(summary_select) +
                            "WHERE c.status = 'published' AND EXISTS (SELECT 1 FROM cycle_sessions s WHERE "
                            "s.cycle_id = c.id AND s.ends_at > :now)",
         soci::use(now, "now"));
    for (const auto& r : rows) cycles.push_back(summary_from_row(r));
    attach_sessions(sql, cycles);
    std::sort(cycles.begin(), cycles.end(), [](const CycleSummary& a, const CycleSummary& b) {
        const auto fa = a.sessions.empty() ? 0 : a.sessions.front().starts_at;
        const auto fb = b.sessions.empty() ? 0 : b.sessions.front().starts_at;
        return fa != fb ? fa < fb : a.id < b.id;
    });
    return cycles;
}

}  // namespace

std::int64_t CycleSummary::first_session_at() const { return sessions.empty() ? 0 : sessions.front().starts_at; }

registration::Availability CycleSummary::availability(std::int64_t now) const {
    return registration::availability(
        registration::window_state(registration_opens_at, registration_closes_at, first_session_at(), now), mode,
        capacity, seats_taken);
}

Result<std::vector<CycleSummary>> upcoming_cycles(store::Database& db, std::int64_t now_utc, int limit) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            auto cycles = load_upcoming(sql, now_utc);
            cycles.erase(std::remove_if(cycles.begin(), cycles.end(),
                                        [&](const CycleSummary& c) {
                                            return c.first_session_at() > 0 && c.first_session_at() <= now_utc;
                                        }),
                         cycles.end());
            if (static_cast<int>(cycles.size()) > limit) cycles.resize(static_cast<std::size_t>(limit));
            return cycles;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<CataloguePage> search_catalogue(store::Database& db, const CatalogueFilters& f, int page, int per_page,
                                       std::int64_t now_utc) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            CataloguePage out;
            std::set<std::string> themes, months;
            for (auto& c : load_upcoming(sql, now_utc)) {
                themes.insert(c.theme);
                const auto month = c.sessions.empty() ? std::string{} : paris_time::month_key(c.sessions.front().starts_at);
                if (!month.empty()) months.insert(month);
                if (!f.territory_type.empty() &&
                    std::find(c.territory_types.begin(), c.territory_types.end(), f.territory_type) ==
                        c.territory_types.end())
                    continue;
                if (!f.theme.empty() && c.theme != f.theme) continue;
                if (!f.region_code.empty() && !c.region_code.empty() && c.region_code != f.region_code) continue;
                if (!f.month.empty() && month != f.month) continue;
                if (f.seats_available && c.availability(now_utc) != registration::Availability::open) continue;
                out.cycles.push_back(std::move(c));
            }
            out.themes.assign(themes.begin(), themes.end());
            out.months.assign(months.begin(), months.end());
            out.total = static_cast<int>(out.cycles.size());
            out.pages = std::max(1, (out.total + per_page - 1) / per_page);
            out.page = std::clamp(page, 1, out.pages);
            const auto first = static_cast<std::size_t>((out.page - 1) * per_page);
            std::vector<CycleSummary> shown;
            for (std::size_t i = first; i < out.cycles.size() && shown.size() < static_cast<std::size_t>(per_page); ++i)
                shown.push_back(std::move(out.cycles[i]));
            out.cycles = std::move(shown);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::optional<CycleDetail>> cycle_detail(store::Database& db, const std::string& slug, bool include_drafts) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleDetail> {
            soci::row r;
            sql << std::string(summary_select) + "WHERE c.slug = :s AND c.status IN ('published', 'closed'" +
                       (include_drafts ? ", 'draft'" : "") + ")",
                soci::use(slug), soci::into(r);
            if (!sql.got_data()) return std::nullopt;
            CycleDetail d;
            d.summary = summary_from_row(r);
            attach_own_sessions(sql, d.summary);
            soci::row extra;
            sql << "SELECT c.description, COALESCE(f.bio, '') FROM cycles c LEFT JOIN facilitators f ON f.id = "
                   "c.facilitator_id WHERE c.id = :id",
                soci::use(d.summary.id), soci::into(extra);
            d.description = as_text(extra, 0);
            d.facilitator_bio = as_text(extra, 1);
            soci::rowset<soci::row> contacts =
                (sql.prepare << "SELECT full_name, email FROM contacts ORDER BY sort_order, id");
            for (const auto& c : contacts) d.contacts.push_back({as_text(c, 0), as_text(c, 1)});
            return d;
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
