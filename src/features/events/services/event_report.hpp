#pragma once
// The organisers' report of an event: who came (confirmed registrations against people
// checked in at the welcome desk), from where (région, département, territory type, kind
// of organisation) and per workshop (seats held, of those checked in, marked present);
// the same tables as CSV.
#include <optional>
#include <string>
#include <vector>

#include "features/events/services/event_questionnaire.hpp"
#include "features/events/store/events.hpp"
#include "platform/core/result.hpp"
#include "platform/export/spreadsheet.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct EventReportLine {
    std::string label;
    int registered = 0;  // confirmed
    int came = 0;        // checked in
};

struct EventReportWorkshop {
    std::string slot;  // "Ateliers de l'après-midi (jeudi 26 novembre 2026)"
    std::string title;
    std::optional<int> capacity;
    int held = 0;
    int checked_in = 0;
    int present = 0;
};

struct EventReport {
    store::EventRow event;
    EventReportLine total{"Total"};
    EventReportLine in_person{"Sur place"};
    EventReportLine online{"En ligne"};
    // Largest first, then by label; "non renseigné" lines last.
    std::vector<EventReportLine> regions, departements, territory_kinds, organisation_kinds;
    std::vector<EventReportWorkshop> workshops;  // in programme order
    QuestionnaireReport questionnaire;           // the answers after the event
};

Result<EventReport> event_report(store::Database& db, const std::string& slug);

// "Synthèse", then one table per breakdown, then "Ateliers", then the questionnaire's
// "Avis" (counts, rating distribution, next steps), "Atelier le plus utile", "Commentaires".
std::vector<spreadsheet::Table> event_report_tables(const EventReport& report);

}  // namespace ateliers::services
