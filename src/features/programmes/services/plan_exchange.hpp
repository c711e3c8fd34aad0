#pragma once
// The plan's actions as CSV, one format for export and import (domain/action_csv), and
// a territory's dossier (diagnostic, plan, reviews) for the printable page and its PDF
// and DOCX.
#include <string>
#include <string_view>
#include <vector>

#include "features/programmes/services/assessments.hpp"
#include "features/programmes/services/plans.hpp"
#include "features/programmes/services/reviews.hpp"
#include "platform/export/spreadsheet.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// One territory's actions, for whoever may read its workspace.
Result<spreadsheet::Table> territory_actions_table(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                                   long long territory_id);
// Every territory's actions (a last column names the territory), for the ANCT.
Result<spreadsheet::Table> programme_actions_table(store::Database& db, const CurrentUser* actor, const std::string& slug);

// Creates the lines without an identifier, updates the others (which must be actions of
// this territory). Any wrong line refuses the whole file: the failure's `fields` hold one
// French message per line ("ligne_0004"), and nothing is stored. Returns the number of
// lines imported.
Result<int> import_territory_actions(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                     long long territory_id, const std::string& csv_text);
// The same from a file sent with the form: checked first (spreadsheet::csv_file_text: a
// classeur rather than a CSV, not UTF-8, too big), refused then on the field "csv_file";
// a wrong line is refused as above, with `field` "csv_file".
Result<int> import_territory_actions_file(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          long long territory_id, std::string_view bytes);

struct TerritoryDossier {
    AssessmentView diagnostic;
    PlanView plan;
    std::vector<ReviewView> reviews;  // rated ones, by year
    // The rating of each review in `reviews` (same order): its answers' evidence, text and files.
    std::vector<AssessmentView> review_ratings;
};

Result<TerritoryDossier> territory_dossier(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                           long long territory_id);

}  // namespace ateliers::services
