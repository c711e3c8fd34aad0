#include "features/events/services/event_files.hpp"

#include "features/events/domain/link_rules.hpp"
#include "features/events/store/events.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"
#include "platform/files/upload_rules.hpp"
#include "platform/files/uploads.hpp"

namespace ateliers::services {

namespace {

Failure no_event() { return fail("Événement introuvable.", {}, FailureKind::not_found); }
Failure no_file() {
    return fail("Ce document n’est pas (ou plus) publié sur cet événement.", {}, FailureKind::not_found);
}

}  // namespace

Result<long long> add_event_file(store::Database& db, const files::FileStorage& storage, long long actor_user_id,
                                 const std::string& slug, const EventFileUpload& upload) {
    Failure refused{"Le formulaire contient des erreurs : corrigez les champs signalés.", {}, FailureKind::invalid};
    if (auto problem = events::document_title_problem(upload.title)) refused.fields["title"] = *problem;
    auto checked = files::check_upload(upload.sent_name, upload.bytes, "file");
    if (!checked) refused.fields["file"] = checked.failure().message;
    if (!refused.fields.empty()) {
        refused.field = refused.fields.begin()->first;
        return refused;
    }
    const auto now = store::now_utc_seconds();
    auto written = files::write_upload(storage, checked.value(), actor_user_id, now);
    if (!written) return written.failure();
    const auto title = text::trim(upload.title);
    auto done = store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event) return no_event();
        const auto file_id = files::insert_stored_file(sql, written->record);
        const auto id = store::insert_event_file(sql, event->id, file_id, title, now);
        record_audit(sql, actor_user_id, "event.document", "event:" + event->slug,
                     "Fichier publié : " + title + " (" + written->record.original_name + ", " +
                         files::size_label(written->record.size_bytes) + ")");
        return id;
    });
    if (done) written->pending->keep();
    return done;
}

Status remove_event_file(store::Database& db, const files::FileStorage& storage, long long actor_user_id,
                         const std::string& slug, long long event_file_id) {
    std::string key;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event) return no_event();
        const auto document = store::find_event_file(sql, event->id, event_file_id);
        if (!document) return no_file();
        const auto file = files::find_stored_file(sql, document->file_id);
        store::delete_event_file(sql, document->id);
        files::delete_stored_file(sql, document->file_id);
        if (file) key = file->storage_key;
        record_audit(sql, actor_user_id, "event.document", "event:" + event->slug, "Fichier retiré : " + document->title);
        return Done{};
    });
    // The bytes go once the rows are gone for good, never before.
    if (done && !key.empty()) storage.remove(key);
    return done;
}

Result<EventFileDownload> event_file_download(store::Database& db, const files::FileStorage& storage, const std::string& slug,
                                              long long event_file_id, bool all) {
    std::optional<files::StoredFile> file;
    try {
        soci::session sql(db.pool());
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event || (!event->published && !all)) return no_event();
        const auto document = store::find_event_file(sql, event->id, event_file_id);
        if (!document) return no_file();
        file = files::find_stored_file(sql, document->file_id);
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    if (!file) return no_file();
    auto bytes = storage.read(file->storage_key);
    if (!bytes) return bytes.failure();
    return EventFileDownload{*file, std::move(bytes.value())};
}

}  // namespace ateliers::services
