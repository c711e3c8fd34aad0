#pragma once
// Running sessions: plans, the live runner, the participants' live page, ideas and
// action leads.
//
// Facilitators (services::can_facilitate):
//   GET       /animation                                  cycles I can run
//   GET       /animation/SLUG                             its sessions, links to plan, runner, groups, attendance
//   GET, POST /animation/SLUG/seances/N/plan              edit the session's plan
//   GET, POST /animation/SLUG/seances/N/direct            the runner; POST action=start|pause|resume|next|previous|end
// Participants (confirmed registration in the cycle; facilitators may look too):
//   GET       /espace/seances/ID                          live page of a session
//   POST      /espace/seances/ID/idees                    an idea to the group's client (consultation)
//   POST      /espace/seances/ID/pistes                   the client's action lead (from the synthesis)
//   POST      /espace/pistes/ID                           status and progress note of one of my leads
//   GET       /direct/seances/ID/etat                     the live state as JSON (?depuis=V: long poll, see live_hub)
//   GET       /direct/seances/ID/flux                     server-sent events (answered by the LiveHub)
// Organisers:
//   GET, POST /admin/modeles-de-seance                    templates; POST creates one
//   GET, POST /admin/modeles-de-seance/SLUG               edit a template
//
// Handlers that change what live pages show add the header "X-Live-Changed: ID"
// (server.cpp strips it and wakes the hub).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// nullopt when the path is none of the above. `form` is null for GET.
std::optional<Response> live_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form);

// For /espace (espace/profile_pages.cpp): links to today's live pages, and my action leads.
std::string live_space_now_html(const App& app, const services::CurrentUser& user);
std::string live_space_leads_html(const App& app, const Visitor& visitor);

namespace live {

inline const char* live_changed_header = "X-Live-Changed";

// live/facilitator_pages.cpp
Response facilitation_home(const App& app, const Request& req, Visitor& visitor);
Response facilitation_cycle(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response runner_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, int number);
Response runner_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                       const std::string& slug, int number);

// live/plan_pages.cpp
Response plan_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, int number);
Response plan_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                     const std::string& slug, int number);
Response templates_page(const App& app, const Request& req, Visitor& visitor);
Response template_create_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response template_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response template_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                         const std::string& slug);

// live/participant_pages.cpp
Response participant_page(const App& app, const Request& req, Visitor& visitor, long long session_id);
Response state_json(const App& app, const Request& req, Visitor& visitor, long long session_id);
Response stream_fallback(const App& app, const Request& req, Visitor& visitor, long long session_id);
Response idea_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                     long long session_id);
Response lead_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                     long long session_id);
Response lead_update_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                            long long lead_id);

// Shared (live/live_routes.cpp).
bool wants_json(const Request& req);  // fetch() from live.js
Response failure_response(const App& app, const Request& req, const Visitor& visitor, const Failure& failure);
Response login_required(const Request& req);

}  // namespace live

}  // namespace ateliers::web
