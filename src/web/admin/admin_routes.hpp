#pragma once
// The organisers' back office, under /admin: cycles (create, edit, duplicate,
// publish, close), registrations of a cycle (decisions, counts, exports) and the
// audit journal. Only accounts with the role "organiser" or "admin" get in.
//
//   GET  /admin                                         every cycle, by status
//   GET  /admin/journal                                 latest audit entries
//   GET  /admin/nouveau-cycle          POST (create)    cycle form
//   GET  /admin/cycles/SLUG            POST (update)    cycle form, status actions
//   POST /admin/cycles/SLUG/publier | cloturer | dupliquer
//   GET  /admin/cycles/SLUG/inscriptions?statut=&mandat=
//   POST /admin/cycles/SLUG/inscriptions/ID/accepter | refuser | attente
//   GET  /admin/cycles/SLUG/participants.csv | participants.xlsx (same filters)
//   GET  /admin/cycles/SLUG/message    POST (preview, send)   write to the people of a cycle
//   GET  /admin/selections                              rounds of cycles "sur candidature"
//   GET  /admin/selections/DEADLINE?proposition=1       one round and its proposed selection
//   POST /admin/selections/DEADLINE/ajuster | equilibre | confirmer
#include <nlohmann/json.hpp>

#include <optional>

#include "web/app.hpp"
#include "web/forms.hpp"

namespace ateliers::web {

// Every /admin… route; nullopt when the path is not an admin path. `form` is null for GET.
std::optional<Response> admin_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form);

namespace admin {

// admin/cycle_pages.cpp
Response home_page(const App& app, const Request& req, Visitor& visitor);
Response new_cycle_form(const App& app, const Request& req, Visitor& visitor);
Response create_cycle_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response edit_cycle_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response update_cycle_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                             const std::string& slug);
Response cycle_status_submit(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                             const std::string& action);

// admin/registration_pages.cpp
Response registrations_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response decision_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                         const std::string& slug, long long registration_id, const std::string& action);
Response export_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         const std::string& format);

// admin/message_pages.cpp
Response message_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response message_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                        const std::string& slug);

// admin/selection_pages.cpp (DEADLINE: the rounds' closing time, seconds since the epoch)
Response selection_rounds_page(const App& app, const Request& req, Visitor& visitor);
Response selection_round_page(const App& app, const Request& req, Visitor& visitor, const std::string& deadline);
Response selection_round_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                                const std::string& deadline, const std::string& action);

// admin/journal_page.cpp
Response journal_page(const App& app, const Request& req, Visitor& visitor);

// Shared by the pages above (admin/admin_routes.cpp).
nlohmann::json status_badge(const std::string& cycle_status);
std::string date_time_text(std::int64_t utc_seconds);  // "jeudi 14 janvier 2027 à 9 h 30"
// An empty string is true for mustache sections: null (false) instead, for {{#x}}…{{/x}}.
nlohmann::json text_or_null(const std::string& s);
Response service_error(const App& app, const Visitor& visitor, const Failure& failure);

}  // namespace admin

}  // namespace ateliers::web
