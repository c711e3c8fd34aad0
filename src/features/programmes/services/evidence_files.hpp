#pragma once
// Evidence given as a file for an answer of the diagnostic or of an annual review: checked
// and written before the assessment's transaction, recorded inside it (save_assessment),
// downloaded by whoever may read the territory's workspace (territory_scope, as the
// diagnostic page).
#include <string>
#include <string_view>
#include <vector>

#include "features/programmes/store/evidence_files.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/files/file_records.hpp"
#include "platform/files/file_storage.hpp"
#include "platform/files/uploads.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct EvidenceUpload {
    long long criterion_id = 0;
    std::string sent_name;
    std::string_view bytes;
};

// The form field of a criterion's file ("evidence_file_12"), where its refusal shows.
std::string evidence_file_field(long long criterion_id);

struct PreparedEvidence {
    long long criterion_id = 0;
    files::WrittenUpload written;  // on disk, removed again unless the transaction commits
};
// Refused (invalid, one French message per criterion's file field) when a file is empty,
// too big or of a forbidden kind; nothing is written then.
Result<std::vector<PreparedEvidence>> prepare_evidence(const files::FileStorage* storage,
                                                       const std::vector<EvidenceUpload>& uploads,
                                                       long long uploaded_by, long long now);
// Inside the assessment's transaction: records the prepared files and deletes the rows of
// `removed` (ids of this assessment's evidence files; others are ignored). Returns the
// disk keys of the removed files, to delete once the transaction has committed.
std::vector<std::string> record_evidence(soci::session& sql, long long assessment_id,
                                         std::vector<PreparedEvidence>& prepared, const std::vector<long long>& removed,
                                         long long now);
// After the commit: the prepared files stay, the removed ones go.
void settle_evidence(const files::FileStorage* storage, std::vector<PreparedEvidence>& prepared,
                     const std::vector<std::string>& removed_keys);

struct EvidenceDownload {
    files::StoredFile file;
    std::string bytes;
};
Result<EvidenceDownload> evidence_file_download(store::Database& db, const files::FileStorage& storage,
                                                const CurrentUser* actor, const std::string& slug, long long territory_id,
                                                long long evidence_id);

}  // namespace ateliers::services
