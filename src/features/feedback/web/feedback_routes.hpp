#pragma once
// After a cycle: the questionnaire and testimonial of a participant, theme ideas for
// future cycles, and their moderation by the organisers.
//
//   GET  /espace/questionnaire/ID        POST (answer)   owner only, confirmed, cycle over
//   POST /espace/questionnaire/ID/retirer-accord         withdraw consent to publish
//   GET  /idees                          POST (suggest)  anyone logged in
//   POST /idees/ID/soutenir | retirer-soutien
//   GET  /admin/temoignages                              organisers: review testimonials
//   POST /admin/temoignages/ID/publier | retirer
//   GET  /admin/idees                                    organisers: ranked ideas
//   POST /admin/idees/ID/statut                          open | planned | closed
#include <optional>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// nullopt when the path is none of the above. `form` is null for GET.
std::optional<Response> feedback_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form);

namespace feedback_pages {

// feedback/questionnaire_pages.cpp
Response questionnaire_page(const App& app, const Request& req, Visitor& visitor, long long registration_id);
Response questionnaire_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                              long long registration_id);
Response consent_withdraw_submit(const App& app, const Request& req, Visitor& visitor, long long registration_id);

// feedback/idea_pages.cpp
Response ideas_page(const App& app, const Request& req, Visitor& visitor);
Response idea_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response idea_support_submit(const App& app, const Request& req, Visitor& visitor, long long id, bool support);

// feedback/moderation_pages.cpp
Response testimonials_admin_page(const App& app, const Request& req, Visitor& visitor);
Response testimonial_publish_submit(const App& app, const Request& req, Visitor& visitor, long long id,
                                    bool publish);
Response ideas_admin_page(const App& app, const Request& req, Visitor& visitor);
Response idea_status_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                            long long id);

// An error page for a service failure (status and French message kept).
Response service_error(const App& app, const Visitor& visitor, const Failure& failure);

}  // namespace feedback_pages

}  // namespace ateliers::web
