#pragma once
// The pages under /projets (signed-in people only; each page checks the viewer's rights
// through the services).
#include <map>
#include <optional>
#include <string>

#include "features/projects/services/actors_service.hpp"
#include "platform/export/document_conversion.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::project_pages {

Response list_page(const App& app, const Request& req, Visitor& visitor);
Response create_submit(const App& app, Visitor& visitor, const FormFields& form);
Response project_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response member_submit(const App& app, Visitor& visitor, const FormFields& form, long long id);

Response deliverable_page(const App& app, const Request& req, Visitor& visitor, long long id, int number);
Response answer_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, int number, long long question_id);
Response submit_submit(const App& app, Visitor& visitor, long long id, int number);
Response review_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, int number);
Response compare_page(const App& app, const Request& req, Visitor& visitor, long long id, int number);

Response agency_page(const App& app, Visitor& visitor);

Response actors_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response actor_create_submit(const App& app, Visitor& visitor, const FormFields& form, long long id);
// typed: what was sent back with errors (nullptr: the stored actor).
Response actor_edit_page(const App& app, Visitor& visitor, long long id, long long actor_id,
                         const services::ActorInput* typed = nullptr, const std::map<std::string, std::string>& errors = {},
                         int status = 200);
Response actor_update_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, long long actor_id);
Response actor_delete_submit(const App& app, Visitor& visitor, long long id, long long actor_id);
Response actor_move_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, long long actor_id);
Response link_create_submit(const App& app, Visitor& visitor, const FormFields& form, long long id);
Response link_delete_submit(const App& app, Visitor& visitor, long long id, long long link_id);

Response cooperation_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response cooperation_submit(const App& app, Visitor& visitor, const FormFields& form, long long id);
Response value_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response value_submit(const App& app, Visitor& visitor, const FormFields& form, long long id);
// "2025-03-14" -> "vendredi 14 mars 2025" (as stored when not a date).
std::string readable_date(const std::string& iso);

// "export.docx" | "export.pdf"
std::optional<documents::Format> export_format(const std::string& segment);
// number 0: the whole project file; 1–3: that deliverable.
Response export_file(const App& app, Visitor& visitor, long long id, int number, documents::Format format);

}  // namespace ateliers::web::project_pages
