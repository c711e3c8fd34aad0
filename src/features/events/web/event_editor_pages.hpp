#pragma once
// The organisers' editor (under /admin, role already checked): create an event, duplicate
// it, edit its programme as data. A refused form comes back with what was typed and a
// French message per field (422); an accepted one redirects to the programme editor.
#include <string>

#include "platform/files/file_storage.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_editor {

Response new_event_page(const App& app, Visitor& visitor);
Response new_event_submit(const App& app, Visitor& visitor, const FormFields& form);
Response programme_page(const App& app, Visitor& visitor, const std::string& slug);
Response duplicate_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug);
// id 0: a new one.
Response slot_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug, long long slot_id);
Response item_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug, long long item_id);
Response speaker_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug, long long item_id);

Response link_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug);
Response link_remove(const App& app, Visitor& visitor, const std::string& slug, long long link_id);
// A document as a file (multipart form: title, file), kept in `storage`.
Response file_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug,
                     const files::FileStorage& storage);
Response file_remove(const App& app, Visitor& visitor, const std::string& slug, long long event_file_id,
                     const files::FileStorage& storage);

}  // namespace ateliers::web::events_editor
