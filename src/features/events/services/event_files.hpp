#pragma once
// Documents published after an event as files (slides, a summary), beside its links:
// organisers upload and withdraw them; whoever may see the event's page downloads them.
#include <string>
#include <string_view>

#include "features/events/store/event_files.hpp"
#include "platform/core/result.hpp"
#include "platform/files/file_records.hpp"
#include "platform/files/file_storage.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct EventFileUpload {
    std::string title;
    std::string sent_name;   // the browser's file name; empty with no bytes: no file chosen
    std::string_view bytes;
};

// Refusals name the field at fault ("title", "file") in French; nothing is kept then.
Result<long long> add_event_file(store::Database& db, const files::FileStorage& storage, long long actor_user_id,
                                 const std::string& slug, const EventFileUpload& upload);
// Withdraws the document and deletes its file.
Status remove_event_file(store::Database& db, const files::FileStorage& storage, long long actor_user_id,
                         const std::string& slug, long long event_file_id);

struct EventFileDownload {
    files::StoredFile file;
    std::string bytes;
};
// Of a published event, or of any when `all` (organisers): what the event's page shows.
Result<EventFileDownload> event_file_download(store::Database& db, const files::FileStorage& storage, const std::string& slug,
                                              long long event_file_id, bool all);

}  // namespace ateliers::services
