#include "features/cycles/services/catalogue.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "features/cycles/store/catalogue.hpp"

namespace ateliers::services {

namespace {

CycleSummary summary_from_row(const store::CycleSummaryRow& r) {
    CycleSummary c;
    c.id = r.id;
    c.slug = r.slug;
    c.title = r.title;
    c.theme = r.theme;
    c.summary = r.summary;
    c.territory_types = territory::split_codes(r.territory_types);
    c.facilitator_name = r.facilitator_name;
    c.capacity = r.capacity;
    registration::parse_mode(r.mode, c.mode);
    c.registration_opens_at = r.registration_opens_at;
    c.registration_closes_at = r.registration_closes_at;
    c.region_code = r.region_code;
    c.seats_taken = r.seats_taken;
    c.status = r.status;
    return c;
}

// Sessions of the given published cycles in one query rather than one per cycle.
void attach_sessions(soci::session& sql, std::vector<CycleSummary>& cycles) {
    std::map<long long, std::size_t> index;
    for (std::size_t i = 0; i < cycles.size(); ++i) index[cycles[i].id] = i;
    for (const auto& s : store::published_session_slots(sql)) {
        const auto it = index.find(s.cycle_id);
        if (it == index.end()) continue;
        cycles[it->second].sessions.push_back(SessionSlot{s.number, s.starts_at, s.ends_at});
    }
}

// Sessions of one cycle, whatever its status (a closed cycle's page, a draft's preview).
void attach_own_sessions(soci::session& sql, CycleSummary& cycle) {
    for (const auto& s : store::cycle_session_slots(sql, cycle.id))
        cycle.sessions.push_back(SessionSlot{s.number, s.starts_at, s.ends_at});
}

std::vector<CycleSummary> load_upcoming(soci::session& sql, std::int64_t now_utc) {
    std::vector<CycleSummary> cycles;
    for (const auto& r : store::upcoming_cycle_summaries(sql, now_utc)) cycles.push_back(summary_from_row(r));
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
            std::vector<CycleSummary> cycles;
            for (const auto& r : store::next_cycle_summaries(sql, now_utc, limit)) {
                cycles.push_back(summary_from_row(r));
                attach_own_sessions(sql, cycles.back());
            }
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
            const auto r = store::cycle_summary(sql, slug, include_drafts);
            if (!r) return std::nullopt;
            CycleDetail d;
            d.summary = summary_from_row(*r);
            attach_own_sessions(sql, d.summary);
            const auto texts = store::cycle_texts(sql, d.summary.id);
            d.description = texts.description;
            d.facilitator_bio = texts.facilitator_bio;
            for (const auto& c : store::contacts(sql)) d.contacts.push_back({c.full_name, c.email});
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
            for (const auto& r : store::published_testimonials(sql))
                out.push_back({r.author, r.role_text, r.place, r.quote});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::vector<std::pair<std::string, std::string>> catalogue_regions(store::Database& db) {
    return store::with_session(db, [&](soci::session& sql) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& r : store::regions(sql)) out.emplace_back(r.code, r.name);
        return out;
    });
}

}  // namespace ateliers::services
