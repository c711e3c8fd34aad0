#include "features/events/web/event_file_pages.hpp"

#include "platform/auth/permissions.hpp"
#include "platform/files/upload_rules.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/file_download.hpp"

namespace ateliers::web::events_files {

std::string file_href(const std::string& slug, long long event_file_id) {
    return "/evenements/" + slug + "/fichiers/" + std::to_string(event_file_id);
}

nlohmann::json file_document_view(const std::string& slug, const store::EventFileRow& f) {
    return {{"title", f.title},
            {"url", file_href(slug, f.id)},
            {"detail", files::format_and_size_label(f.media_type, f.size_bytes)}};
}

Response file_download(const App& app, Visitor& visitor, const files::FileStorage& storage, const std::string& slug,
                       long long event_file_id) {
    const bool organiser = visitor.user && permissions::can_organise(*visitor.user);
    auto download = services::event_file_download(app.db(), storage, slug, event_file_id, organiser);
    if (!download) {
        const auto& f = download.failure();
        return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Document introuvable" : "Erreur",
                              f.message);
    }
    return web::file_download(download->file, std::move(download->bytes));
}

}  // namespace ateliers::web::events_files
