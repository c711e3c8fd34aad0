#include "features/programmes/services/evidence_files.hpp"

#include "features/programmes/services/territory_scope.hpp"
#include "platform/files/upload_rules.hpp"

namespace ateliers::services {

std::string evidence_file_field(long long criterion_id) { return "evidence_file_" + std::to_string(criterion_id); }

Result<std::vector<PreparedEvidence>> prepare_evidence(const files::FileStorage* storage,
                                                       const std::vector<EvidenceUpload>& uploads,
                                                       long long uploaded_by, long long now) {
    Failure refused{"Certains fichiers n’ont pas pu être joints : corrigez les champs signalés.", {}, FailureKind::invalid};
    std::vector<files::CheckedUpload> checked;
    for (const auto& u : uploads) {
        auto one = files::check_upload(u.sent_name, u.bytes, evidence_file_field(u.criterion_id));
        if (one) checked.push_back(one.value());
        else refused.fields[one.failure().field] = one.failure().message;
    }
    if (!refused.fields.empty()) {
        refused.field = refused.fields.begin()->first;
        return refused;
    }
    std::vector<PreparedEvidence> out;
    if (uploads.empty()) return out;
    if (!storage) return fail("Les fichiers ne peuvent pas être enregistrés ici.", {}, FailureKind::technical);
    for (std::size_t i = 0; i < uploads.size(); ++i) {
        auto written = files::write_upload(*storage, checked[i], uploaded_by ? std::optional(uploaded_by) : std::nullopt, now);
        if (!written) return written.failure();  // those already written go with `out`
        out.push_back({uploads[i].criterion_id, std::move(written.value())});
    }
    return out;
}

std::vector<std::string> record_evidence(soci::session& sql, long long assessment_id,
                                         std::vector<PreparedEvidence>& prepared, const std::vector<long long>& removed,
                                         long long now) {
    std::vector<std::string> removed_keys;
    for (const auto& existing : store::assessment_evidence_files(sql, assessment_id)) {
        bool asked = false;
        for (const auto id : removed) asked = asked || id == existing.id;
        if (!asked) continue;
        const auto file = files::find_stored_file(sql, existing.file_id);
        store::delete_evidence_file(sql, existing.id);
        files::delete_stored_file(sql, existing.file_id);
        if (file) removed_keys.push_back(file->storage_key);
    }
    for (auto& p : prepared) {
        const auto file_id = files::insert_stored_file(sql, p.written.record);
        store::insert_evidence_file(sql, assessment_id, p.criterion_id, file_id, now);
    }
    return removed_keys;
}

void settle_evidence(const files::FileStorage* storage, std::vector<PreparedEvidence>& prepared,
                     const std::vector<std::string>& removed_keys) {
    for (auto& p : prepared) p.written.pending->keep();
    if (storage)
        for (const auto& key : removed_keys) storage->remove(key);
}

Result<EvidenceDownload> evidence_file_download(store::Database& db, const files::FileStorage& storage,
                                                const CurrentUser* actor, const std::string& slug, long long territory_id,
                                                long long evidence_id) {
    std::optional<files::StoredFile> file;
    try {
        soci::session sql(db.pool());
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        const auto evidence = store::find_territory_evidence_file(sql, territory_id, evidence_id);
        if (evidence) file = files::find_stored_file(sql, evidence->file_id);
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    if (!file) return fail("Ce fichier n’est pas (ou plus) joint à ce territoire.", {}, FailureKind::not_found);
    auto bytes = storage.read(file->storage_key);
    if (!bytes) return bytes.failure();
    return EvidenceDownload{*file, std::move(bytes.value())};
}

}  // namespace ateliers::services
