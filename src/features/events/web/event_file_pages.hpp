#pragma once
// Documents published as files on an event's page: how a list shows one, and its download.
#include <nlohmann/json.hpp>

#include <string>

#include "features/events/services/event_files.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::events_files {

// The download link's address ("/evenements/SLUG/fichiers/ID").
std::string file_href(const std::string& slug, long long event_file_id);
// title, url, detail ("PDF – 1,2 Mo": the DSFR download link's detail).
nlohmann::json file_document_view(const std::string& slug, const store::EventFileRow& f);

// GET /evenements/SLUG/fichiers/ID: to whoever sees the event's page (organisers see drafts).
Response file_download(const App& app, Visitor& visitor, const files::FileStorage& storage, const std::string& slug,
                       long long event_file_id);

}  // namespace ateliers::web::events_files
