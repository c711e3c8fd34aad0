#include "features/programmes/store/evidence_files.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* select_files =
    "SELECT e.id AS id, e.assessment_id AS assessment_id, e.criterion_id AS criterion_id, e.file_id AS file_id, "
    "f.original_name AS original_name, f.media_type AS media_type, f.size_bytes AS size_bytes "
    "FROM assessment_evidence_files e JOIN stored_files f ON f.id = e.file_id ";

EvidenceFileRow read_row(const soci::row& r) {
    return {as_int(r, "id"),          as_int(r, "assessment_id"),    as_int(r, "criterion_id"), as_int(r, "file_id"),
            as_text(r, "original_name"), as_text(r, "media_type"), as_int(r, "size_bytes")};
}

}  // namespace

long long insert_evidence_file(soci::session& sql, long long assessment_id, long long criterion_id, long long file_id,
                               long long now) {
    long long id = 0;
    sql << "INSERT INTO assessment_evidence_files (assessment_id, criterion_id, file_id, created_at) "
           "VALUES (:a, :c, :f, :now) RETURNING id",
        soci::use(assessment_id), soci::use(criterion_id), soci::use(file_id), soci::use(now), soci::into(id);
    return id;
}

void delete_evidence_file(soci::session& sql, long long id) {
    execute(sql, "DELETE FROM assessment_evidence_files WHERE id = :id", soci::use(id));
}

std::vector<EvidenceFileRow> assessment_evidence_files(soci::session& sql, long long assessment_id) {
    std::vector<EvidenceFileRow> out;
    for_each_row(sql, std::string(select_files) + "WHERE e.assessment_id = :a ORDER BY e.criterion_id, e.id",
                 [&](const soci::row& r) { out.push_back(read_row(r)); }, soci::use(assessment_id));
    return out;
}

std::optional<EvidenceFileRow> find_territory_evidence_file(soci::session& sql, long long territory_id, long long id) {
    std::optional<EvidenceFileRow> out;
    for_each_row(sql,
                 std::string(select_files) +
                     "JOIN assessments a ON a.id = e.assessment_id WHERE a.territory_id = :t AND e.id = :id",
                 [&](const soci::row& r) { out = read_row(r); }, soci::use(territory_id), soci::use(id));
    return out;
}

}  // namespace ateliers::store
