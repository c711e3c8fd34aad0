#pragma once
// Writing, submitting and reviewing a deliverable. Drafts carry a version number: a save
// names the version it started from, and a save from a stale version is refused with the
// text kept (optimistic concurrency between co-authors). Submitting freezes a numbered
// copy; the advisor comments per question and decides; validating opens the next stage.
#include <map>
#include <string>
#include <vector>

#include "features/projects/domain/text_diff.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct SaveOutcome {
    int version = 0;  // the new version of the draft
};
// Failure kinds: conflict when `based_on_version` is not the current one (the message
// says who saved meanwhile); invalid for an over-long answer; forbidden; not_found.
Result<SaveOutcome> save_answer(store::Database& db, const CurrentUser& user, long long project_id, int number,
                                long long question_id, const std::string& text, int based_on_version);

// The number of the frozen version (1, 2…).
Result<int> submit_deliverable(store::Database& db, const CurrentUser& user, long long project_id, int number);

// comments: question id -> comment on the latest submission.
Status review_deliverable(store::Database& db, const CurrentUser& user, long long project_id, int number,
                          const std::map<long long, std::string>& comments, bool validated);

struct ComparedAnswer {
    std::string question;
    std::vector<projects::DiffPart> parts;
    bool changed = false;
};
Result<std::vector<ComparedAnswer>> compare_submissions(store::Database& db, const CurrentUser& user, long long project_id,
                                                        int number, int from, int to);

}  // namespace ateliers::services
