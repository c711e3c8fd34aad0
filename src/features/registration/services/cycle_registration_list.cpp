#include "features/registration/services/cycle_registration_list.hpp"

namespace ateliers::services {

std::optional<CycleRegistrationList> cycle_registration_list(store::Database& db, const std::string& slug,
                                                             std::optional<registration::Status> only) {
    soci::session sql(db.pool());
    const auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
    if (!cycle) return std::nullopt;
    CycleRegistrationList out;
    out.cycle = *cycle;
    for (auto& row : store::cycle_registration_summaries(sql, cycle->id)) {
        registration::Status status{};
        registration::parse_status(row.status, status);
        out.counts[registration::status_code(status)] += 1;
        if (only && status != *only) continue;
        out.rows.push_back(std::move(row));
    }
    // Collectivités after the rowset is done: one connection, one statement at a time.
    for (const auto& row : out.rows)
        if (!out.collectivites.count(row.collectivite_id))
            out.collectivites.emplace(row.collectivite_id, store::find_collectivite(sql, row.collectivite_id));
    return out;
}

}  // namespace ateliers::services
