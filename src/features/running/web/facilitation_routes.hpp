#pragma once
// The facilitator's pages for breakout groups and attendance, under /animation.
// Open to whoever may run the cycle (services::can_facilitate: its facilitator,
// organisers, admins); anonymous visitors are sent to the login page.
//
//   GET  /animation/SLUG/groupes                      groups of every session, score, forms
//   POST /animation/SLUG/groupes/composer             groups=N: (re)compose the sessions to come
//   POST /animation/SLUG/groupes/deplacer             seance, inscription, groupe: move and lock
//   POST /animation/SLUG/groupes/deverrouiller        seance, inscription
//   POST /animation/SLUG/groupes/absence              seance, inscription: excused in advance
//   POST /animation/SLUG/groupes/retirer-absence      seance, inscription
//   GET  /animation/SLUG/seances/N/presences  POST    attendance of one session
//   GET  /animation/SLUG/presences                    attendance rates of the cycle
//   GET  /animation/SLUG/participants                 each participant's situation
//   GET  /animation/SLUG/participants.csv             the same, exported (audited)
// Other /animation paths are not handled here (nullopt).
#include <nlohmann/json.hpp>

#include <optional>

#include "platform/core/result.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// `form` is null for GET and HEAD.
std::optional<Response> facilitation_route(const App& app, const Request& req, Visitor& visitor,
                                           const FormFields* form);

namespace facilitation {

// groups_pages.cpp
Response groups_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response groups_action(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug,
                       const std::string& action);

// attendance_pages.cpp
Response session_attendance_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                                 int number);
Response session_attendance_submit(const App& app, Visitor& visitor, const FormFields& form,
                                   const std::string& slug, int number);
Response cycle_attendance_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);

// situations_pages.cpp
Response situations_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response situations_export(const App& app, const Request& req, Visitor& visitor, const std::string& slug);

// Shared (facilitation_routes.cpp).
Response service_error(const App& app, const Visitor& visitor, const Failure& failure);
nlohmann::json breadcrumb(const std::string& slug, const std::string& cycle_title, const std::string& here);
std::string session_when(std::int64_t utc_seconds);  // "jeudi 14 janvier 2027 à 9 h 30"
std::string mandate_text(const std::string& mandate);

}  // namespace facilitation

}  // namespace ateliers::web
