#pragma once
// Tickets and the welcome desk. The participant's ticket (QR code of the signed token) on
// the event page; the organisers' check-in page, made for a phone at the door: search by
// name, scan with the camera where the browser can (static/js/events-checkin.js), check-ins
// queued while offline and replayed (the endpoint is idempotent), workshop presence.
#include <string>

#include <nlohmann/json.hpp>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_checkin {

// {"token", "qr_svg", "name", "organisation", "checked_in", "checked_in_at"} or null when the
// person has no confirmed registration.
nlohmann::json ticket_view(const App& app, long long event_id, long long user_id);

//   GET  /admin/evenements/SLUG/accueil?q=NAME&message=
Response desk_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
//   POST /admin/evenements/SLUG/accueil   billet=TOKEN | inscription=ID
// JSON ({"ok", "message", "already", "registration_id"}) when the request asks for it
// (the script's replay), otherwise back to the page with a message.
Response checkin_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug);
//   POST /admin/evenements/SLUG/accueil/atelier   inscription=ID atelier=ITEM
Response presence_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug);

}  // namespace ateliers::web::events_checkin
