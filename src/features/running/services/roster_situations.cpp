#include "features/running/services/roster_situations.hpp"

#include <algorithm>

#include "platform/auth/account_rules.hpp"
#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

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
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT r.id, u.full_name, c.kind, c.name, c.epci_type, c.departement_code, "
                                "r.function_title, r.mandate, r.situation FROM registrations r "
                                "JOIN users u ON u.id = r.user_id JOIN collectivites c ON c.id = r.collectivite_id "
                                "WHERE r.cycle_id = :c AND r.status = 'confirmed'",
                 soci::use(cycle_id));
            for (const auto& r : rows) {
                store::CollectiviteRow c;
                c.kind = store::as_text(r, 2);
                c.name = store::as_text(r, 3);
                c.epci_type = store::as_text(r, 4);
                c.departement_code = store::as_text(r, 5);
                out.people.push_back({store::as_int(r, 0), store::as_text(r, 1), store::collectivite_label(c),
                                      store::as_text(r, 6), store::as_text(r, 7), store::as_text(r, 8)});
            }
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
