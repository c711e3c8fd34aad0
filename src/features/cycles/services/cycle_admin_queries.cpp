// What the back office reads of the cycles: the edit form's values, the lists of
// facilitators and régions, and every cycle by status.
#include <algorithm>

#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "features/cycles/services/cycle_form.hpp"
#include "features/cycles/store/catalogue.hpp"
#include "features/cycles/store/cycle_admin_reads.hpp"

namespace ateliers::services {

using cycle_form::hh_mm;
using cycle_form::intervals;
using cycle_form::warnings_for;
using store::region_of;
using store::registration_counts;

Result<std::optional<CycleEditing>> cycle_for_edit(store::Database& db, const std::string& slug) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleEditing> {
            const auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            CycleEditing e;
            e.cycle = *cycle;
            e.region_code = region_of(sql, cycle->id);
            auto& in = e.input;
            in.title = cycle->title;
            in.theme = cycle->theme;
            in.summary = cycle->summary;
            in.description = cycle->description;
            in.territory_types = territory::split_codes(cycle->territory_types);
            in.region_code = e.region_code;
            in.capacity = std::to_string(cycle->capacity);
            in.mode = registration::mode_code(cycle->mode);
            if (cycle->opens_at > 0) {
                in.opens_date = paris_time::iso_date(cycle->opens_at);
                in.opens_time = hh_mm(cycle->opens_at);
            }
            if (cycle->closes_at > 0) {
                in.closes_date = paris_time::iso_date(cycle->closes_at);
                in.closes_time = hh_mm(cycle->closes_at);
            }
            if (cycle->facilitator_id > 0) {
                in.facilitator_choice = std::to_string(cycle->facilitator_id);
                if (const auto f = store::find_facilitator(sql, cycle->facilitator_id)) {
                    e.facilitator_name = f->full_name;
                    in.facilitator_email = f->email;
                }
            }
            const auto sessions = store::cycle_sessions(sql, cycle->id);
            for (const auto& s : sessions)
                in.sessions.push_back({std::to_string(s.id), paris_time::iso_date(s.starts_at), hh_mm(s.starts_at),
                                       hh_mm(s.ends_at), s.visio_url});
            e.warnings = warnings_for(intervals(sessions), cycle->closes_at);
            const auto counts = registration_counts(sql, cycle->id);
            e.confirmed = counts.confirmed;
            e.waiting = counts.waiting;
            e.applied = counts.applied;
            return e;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<FacilitatorOption>> facilitator_options(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<FacilitatorOption> out;
            for (const auto& f : store::facilitators(sql)) out.push_back({f.id, f.full_name, f.email});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<RegionOption>> region_options(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<RegionOption> out;
            for (const auto& r : store::regions(sql)) out.push_back({r.code, r.name});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<AdminCycleItem>> admin_cycles(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<AdminCycleItem> out;
            for (const auto& r : store::admin_cycle_rows(sql)) {
                AdminCycleItem c;
                c.id = r.id;
                c.slug = r.slug;
                c.title = r.title;
                c.status = r.status;
                c.theme = r.theme;
                c.facilitator_name = r.facilitator_name;
                registration::parse_mode(r.mode, c.mode);
                c.capacity = r.capacity;
                c.confirmed = r.confirmed;
                c.waiting = r.waiting;
                c.applied = r.applied;
                c.first_session_at = r.first_session_at;
                c.session_count = r.session_count;
                out.push_back(std::move(c));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
