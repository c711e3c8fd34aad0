#pragma once
// The organisers' side of registrations: the table of a cycle's registrations with
// its counts, the decisions (accept, decline, move to the waiting list — each
// e-mailed to the person and written to the audit log), and the participants export.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/export/spreadsheet.hpp"
#include "features/cycles/store/cycles.hpp"
#include "features/registration/store/registration_list.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct RegistrationFilters {
    std::string status;   // a registration::Status code, empty for all
    std::string mandate;  // "elu" | "agent", empty for both
};

using store::AdminRegistration;

// One line of a breakdown: how many among the confirmed, and among every active
// registration (applied, confirmed, waiting).
struct CountLine {
    std::string code;
    std::string label;
    int confirmed = 0;
    int active = 0;
};

struct RegistrationCounts {
    int applied = 0, confirmed = 0, waiting = 0, declined = 0, cancelled = 0;
    std::vector<CountLine> mandates;         // élus, agents
    std::vector<CountLine> size_classes;     // in the order of the size classes
    std::vector<CountLine> regions;          // by name
    std::vector<CountLine> territory_kinds;  // derived from size class and zone
    CountLine priority;                      // small and medium communes and intercommunalités
};

struct CycleRegistrations {
    store::CycleRow cycle;
    std::vector<AdminRegistration> rows;  // filtered
    int total = 0;                        // before filtering
    RegistrationCounts counts;            // over every registration of the cycle
};

// Reading AdminRegistration rows (see store/registration_list.hpp).
using store::admin_registration_from;
using store::admin_registration_select;
using store::read_admin_registration;

// Every registration of the cycle: confirmed, applied, waiting, declined, cancelled;
// by arrival within each; waiting positions filled in.
std::vector<AdminRegistration> load_registrations(soci::session& sql, long long cycle_id);

// Counts over the active registrations ("confirmed" counts the confirmed ones).
RegistrationCounts count_registrations(const std::vector<AdminRegistration>& all);

Result<std::optional<CycleRegistrations>> cycle_registrations(store::Database& db, const std::string& slug,
                                                              const RegistrationFilters& filters);

enum class Decision { accept, decline, wait };

struct DecisionOutcome {
    std::string cycle_slug;
    std::string full_name;
    registration::Status status = registration::Status::applied;
    int waiting_position = 0;
};

// accept: needs a free seat and the collectivité's place (one per cycle); decline and
// wait free the seat, which goes to the first person waiting in a "premier arrivé" cycle.
// A registration that is not one of the cycle `cycle_slug` is not found (404).
Result<DecisionOutcome> decide_registration(store::Database& db, long long actor_id, const std::string& cycle_slug,
                                            long long registration_id, Decision decision, const MailContext& mail);

// The registrations of a cycle as a table (with the same filters as the page). Defined,
// with the export, in registration_admin_export.cpp.
Result<spreadsheet::Table> participants_table(store::Database& db, const std::string& slug,
                                              const RegistrationFilters& filters);

struct ExportFile {
    std::string filename;      // participants-<slug>.csv / .xlsx
    std::string content_type;
    std::string bytes;
};
enum class ExportFormat { csv, xlsx };

// Exports and writes the audit log (personal data leaving the service).
Result<ExportFile> export_participants(store::Database& db, long long actor_id, const std::string& slug,
                                       const RegistrationFilters& filters, ExportFormat format);

// Territory kind of a collectivité, from its size class and zone: a code of
// territory::all_types() when one fits ("ruralites", "petites_villes", …), else
// "intercommunalites" or "departements_regions".
std::string territory_kind(const std::string& size_class, const std::string& zone);
std::string territory_kind_label(const std::string& code);

}  // namespace ateliers::services
