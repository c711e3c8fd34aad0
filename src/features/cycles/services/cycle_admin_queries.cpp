// What the back office reads of the cycles: the edit form's values, the lists of
// facilitators and régions, and every cycle by status.
#include <algorithm>

#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "features/cycles/services/cycle_admin_reads.hpp"
#include "features/cycles/services/cycle_form.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using store::as_int;
using store::as_text;

namespace cycle_reads {

std::string region_of(soci::session& sql, long long cycle_id) {
    std::string code;
    sql << "SELECT region_code FROM cycles WHERE id = :id", soci::use(cycle_id), soci::into(code);
    return code;
}

RegistrationCounts registration_counts(soci::session& sql, long long cycle_id) {
    RegistrationCounts c;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT status, COUNT(*) FROM registrations WHERE cycle_id = :c GROUP BY status",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        const auto status = as_text(r, 0);
        const int n = static_cast<int>(as_int(r, 1));
        if (status == "confirmed") c.confirmed = n;
        else if (status == "waiting") c.waiting = n;
        else if (status == "applied") c.applied = n;
    }
    return c;
}

}  // namespace cycle_reads

using cycle_form::hh_mm;
using cycle_form::intervals;
using cycle_form::warnings_for;
using cycle_reads::region_of;
using cycle_reads::registration_counts;

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
                soci::row f;
                const long long fid = cycle->facilitator_id;
                sql << "SELECT f.full_name, COALESCE(u.email, '') FROM facilitators f LEFT JOIN users u ON "
                       "u.id = f.user_id WHERE f.id = :f",
                    soci::use(fid), soci::into(f);
                if (sql.got_data()) {
                    e.facilitator_name = as_text(f, 0);
                    in.facilitator_email = as_text(f, 1);
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
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT f.id, f.full_name, COALESCE(u.email, '') FROM facilitators f "
                                "LEFT JOIN users u ON u.id = f.user_id ORDER BY f.full_name, f.id");
            for (const auto& r : rows) out.push_back({as_int(r, 0), as_text(r, 1), as_text(r, 2)});
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
            soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, name FROM regions ORDER BY name");
            for (const auto& r : rows) out.push_back({as_text(r, 0), as_text(r, 1)});
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
            soci::rowset<soci::row> rows =
                (sql.prepare
                 << "SELECT c.id, c.slug, c.title, c.status, c.theme, COALESCE(f.full_name, ''), c.mode, c.capacity, "
                    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'confirmed'), "
                    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'waiting'), "
                    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'applied'), "
                    "COALESCE((SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0), "
                    "(SELECT COUNT(*) FROM cycle_sessions s WHERE s.cycle_id = c.id) "
                    "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id "
                    "ORDER BY CASE c.status WHEN 'draft' THEN 0 WHEN 'published' THEN 1 ELSE 2 END, 12, c.id");
            for (const auto& r : rows) {
                AdminCycleItem c;
                c.id = as_int(r, 0);
                c.slug = as_text(r, 1);
                c.title = as_text(r, 2);
                c.status = as_text(r, 3);
                c.theme = as_text(r, 4);
                c.facilitator_name = as_text(r, 5);
                registration::parse_mode(as_text(r, 6), c.mode);
                c.capacity = static_cast<int>(as_int(r, 7));
                c.confirmed = static_cast<int>(as_int(r, 8));
                c.waiting = static_cast<int>(as_int(r, 9));
                c.applied = static_cast<int>(as_int(r, 10));
                c.first_session_at = as_int(r, 11);
                c.session_count = static_cast<int>(as_int(r, 12));
                out.push_back(std::move(c));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
