#pragma once
// What each kind of work tells the agency about its reach, as data the reports module
// renders: a part of the agency report for a period, and every participation of a set
// of collectivités (the territory page, /territoires/CODE). Plain data, in the core so
// pure rules (reports/domain) can use it; the hooks themselves are in modules/module.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::modules {

// The period the agency's report covers: activity at or after `from`, strictly before
// `to` (UTC seconds); unset: no bound.
struct ReportPeriod {
    std::optional<std::int64_t> from, to;
};

// A headline figure: "Événements tenus" – "3" – "sur la période".
struct ReportFigure {
    std::string label, value, note;
};

// A table of the section; also written as is to the report's CSV.
struct ReportTable {
    std::string caption;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

// One module's part of the agency report. `reached` lists the collectivités (referential
// ids, "commune:42168", "epci:244200895") the module's work touched during the period:
// the report counts them, distinct, across every kind of work.
struct ReportSection {
    std::string id;     // the heading's anchor: "evenements"
    std::string kind;   // the kind of work as said in the headline table: "Événements"
    std::string title;  // heading: "Événements"
    std::string intro;  // one sentence on what is counted
    std::vector<ReportFigure> figures;
    std::vector<ReportTable> tables;
    std::vector<std::string> reached;
};

// One participation of a collectivité's people in an offer, for organisers' eyes.
struct TerritoryParticipation {
    std::string kind;            // "cycle", "event", "programme", "project": groups the lines
    std::string kind_label;      // "Cycles d’ateliers"
    std::string collectivite_id;  // which collectivité took part (a member commune, the EPCI…)
    std::string offer;           // the cycle's, event's, programme's or project's title
    std::string href;            // the organisers' page of the offer, empty when none
    std::int64_t starts_at = 0;  // UTC seconds; 0 when only `when` is known
    std::int64_t ends_at = 0;
    std::string when;  // a period said in words when there are no dates ("2026–2028")
    std::vector<std::string> people;    // "Claire Martin (élue)": names, organisers only
    std::vector<std::string> outcomes;  // French sentences: attendance, leads, stage…
};

}  // namespace ateliers::modules
