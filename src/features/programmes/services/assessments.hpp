#pragma once
// The diagnostic (year 0) and the annual reviews (years 1..3) of a territory: identity
// fields and one answer per criterion of the grid version the assessment was opened
// with. A provider of the territory or the ANCT fills it; the territory team reads it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/programmes/domain/grid.hpp"
#include "features/programmes/services/evidence_files.hpp"
#include "features/programmes/store/assessments.hpp"
#include "features/programmes/store/programmes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct AssessmentView {
    store::ProgrammeRow programme;
    store::ProgrammeTerritoryRow territory;
    programmes::Grid grid;                      // the version of the assessment (when new: the one asked for, or the newest)
    store::AssessmentRow assessment;            // id 0 when not started
    std::map<long long, store::AnswerRow> answers;  // by criterion id
    std::vector<programmes::FamilyScore> scores;
    std::map<long long, std::vector<store::EvidenceFileRow>> evidence_files;  // by criterion id
    bool can_edit = false;
    // Not started yet and the ANCT is asking: the stored versions it may start on, newest first.
    std::vector<programmes::GridVersionInfo> versions;
};

// `actor` null: the command line. Refused (forbidden) to anyone who may not read the territory.
// `grid_version_id`: the version to start a new assessment on (programmes::grid_for_new_assessment:
// the ANCT's choice, the newest otherwise); ignored once the assessment exists.
Result<AssessmentView> open_assessment(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, int year,
                                       std::optional<long long> grid_version_id = std::nullopt);

struct AssessmentInput {
    long long grid_version_id = 0;  // the version the form was built from (0: the newest, for a new assessment)
    store::AssessmentRow identity;  // history…successes
    std::vector<store::AnswerRow> answers;
    std::vector<EvidenceUpload> evidence_uploads;  // files joined to answers (criteria of the grid)
    std::vector<long long> evidence_removed;       // ids of evidence files to remove
};

// Checks every answer against the assessment's grid (level within the scale, criterion
// of that very version); any problem refuses the whole form, with one message per
// criterion field ("level_ID", "evidence_file_ID"), and nothing is stored. `storage`: where
// evidence files go (needed only when the input has some).
Status save_assessment(store::Database& db, const CurrentUser* actor, const std::string& slug, long long territory_id,
                       int year, const AssessmentInput& input, const files::FileStorage* storage = nullptr);

}  // namespace ateliers::services
