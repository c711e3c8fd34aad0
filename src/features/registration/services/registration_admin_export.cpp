#include "features/registration/services/registration_admin.hpp"

#include <cstdio>

#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/referential/size_class.hpp"
#include "platform/audit/audit.hpp"

// The participants export: the registrations table of the back office as CSV or XLSX.
namespace ateliers::services {

namespace {

std::string short_date_time(std::int64_t utc_seconds) {
    const auto l = paris_time::to_local(utc_seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", l.day, l.month, l.year, l.hour, l.minute);
    return buf;
}

}  // namespace

Result<spreadsheet::Table> participants_table(store::Database& db, const std::string& slug,
                                              const RegistrationFilters& filters) {
    auto found = cycle_registrations(db, slug, filters);
    if (!found) return found.failure();
    if (!found.value()) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
    const auto& data = *found.value();
    spreadsheet::Table t;
    t.sheet_name = "Participants";
    t.headers = {"Nom", "E-mail", "Collectivité", "Code collectivité", "Collectivité vérifiée",
                 "Taille de la collectivité", "Région",
                 "Élu ou agent", "Fonction", "Statut", "Place", "Position en liste d’attente", "Date d’inscription",
                 "Situation"};
    for (const auto& a : data.rows) {
        accounts::Mandate m;
        const bool known = accounts::parse_mandate(a.mandate, m);
        t.rows.push_back({a.full_name, a.email, a.collectivite_label, a.collectivite_id,
                          a.collectivite_verified ? "oui" : "non", referential::size_class_label(a.size_class), a.region_name,
                          known ? accounts::mandate_label(m) : a.mandate, a.function_title,
                          registration::status_label(a.status), a.seat > 0 ? std::to_string(a.seat) : "",
                          a.waiting_position > 0 ? std::to_string(a.waiting_position) : "",
                          short_date_time(a.arrival_ms / 1000), a.situation});
    }
    return t;
}

Result<ExportFile> export_participants(store::Database& db, long long actor_id, const std::string& slug,
                                       const RegistrationFilters& filters, ExportFormat format) {
    auto table = participants_table(db, slug, filters);
    if (!table) return table.failure();
    ExportFile file;
    if (format == ExportFormat::csv) {
        file.filename = "participants-" + slug + ".csv";
        file.content_type = "text/csv; charset=utf-8";
        file.bytes = spreadsheet::to_csv(table.value());
    } else {
        auto bytes = spreadsheet::to_xlsx(table.value());
        if (!bytes) return bytes.failure();
        file.filename = "participants-" + slug + ".xlsx";
        file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        file.bytes = std::move(bytes.value());
    }
    const auto rows = table.value().rows.size();
    auto logged = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        std::string details = std::to_string(rows) + " ligne(s)";
        if (!filters.status.empty()) details += ", statut " + filters.status;
        if (!filters.mandate.empty()) details += ", " + filters.mandate;
        record_audit(sql, actor_id, format == ExportFormat::csv ? "export.csv" : "export.xlsx", "cycle:" + slug,
                     details);
        return Done{};
    });
    if (!logged) return logged.failure();
    return file;
}

}  // namespace ateliers::services
