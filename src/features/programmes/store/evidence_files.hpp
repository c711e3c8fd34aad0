#pragma once
// Evidence given as files for the answers of an assessment (the bytes and what they are:
// platform/files).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct EvidenceFileRow {
    long long id = 0;
    long long assessment_id = 0;
    long long criterion_id = 0;
    long long file_id = 0;
    std::string original_name;
    std::string media_type;
    long long size_bytes = 0;
};
long long insert_evidence_file(soci::session& sql, long long assessment_id, long long criterion_id, long long file_id,
                               long long now);
void delete_evidence_file(soci::session& sql, long long id);
// By criterion, then in the order added.
std::vector<EvidenceFileRow> assessment_evidence_files(soci::session& sql, long long assessment_id);
// One evidence file of any assessment of the territory.
std::optional<EvidenceFileRow> find_territory_evidence_file(soci::session& sql, long long territory_id, long long id);

}  // namespace ateliers::store
