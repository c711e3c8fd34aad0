#include "features/running/services/roster_situations.hpp"

#include <algorithm>

#include "platform/auth/account_rules.hpp"
#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "features/running/store/situations.hpp"

namespace ateliers::services {

namespace {

std::string mandate_label(const std::string& code) {
    accounts::Mandate m;
    return accounts::parse_mandate(code, m) ? accounts::mandate_label(m) : code;
}

}  // namespace

Result<std::optional<CycleSituations>> cycle_situations(store::Database& db, const std::string& slug) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleSituations> {
            auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            CycleSituations out;
            out.cycle = *cycle;
            const long long cycle_id = cycle->id;
            for (auto& r : store::confirmed_situations(sql, cycle_id))
                out.people.push_back({r.registration_id, std::move(r.full_name), std::move(r.collectivite_label),
                                      std::move(r.function_title), std::move(r.mandate), std::move(r.situation)});
            std::ranges::sort(out.people, [](const ParticipantSituation& a, const ParticipantSituation& b) {
                const auto fa = text::fold_for_search(a.full_name), fb = text::fold_for_search(b.full_name);
                return fa != fb ? fa < fb : a.registration_id < b.registration_id;
            });
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

spreadsheet::Table situations_table(const CycleSituations& s) {
    spreadsheet::Table t{"Situations", {"Nom", "Collectivité", "Fonction", "Élu ou agent", "Situation"}, {}};
    for (const auto& p : s.people)
        t.rows.push_back({p.full_name, p.collectivite, p.function_title, mandate_label(p.mandate), p.situation});
    return t;
}

Result<ExportFile> export_situations(store::Database& db, long long actor_id, const std::string& slug) {
    auto data = cycle_situations(db, slug);
    if (!data) return data.failure();
    if (!data.value()) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
    const auto& s = *data.value();
    ExportFile file{"situations-" + slug + ".csv", "text/csv; charset=utf-8", spreadsheet::to_csv(situations_table(s))};
    auto logged = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        record_audit(sql, actor_id, "situations.export", "cycle:" + slug,
                     std::to_string(s.people.size()) + " situation(s) de participants confirmés");
        return Done{};
    });
    if (!logged) return logged.failure();
    return file;
}

}  // namespace ateliers::services
