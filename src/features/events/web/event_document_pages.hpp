#pragma once
// The event's printed documents as PDF: a person's badge, the organisers' sheet of every
// badge (A4, eight per page, cutting guides) and the certificate of attendance. Each is a
// dedicated HTML page with print CSS (templates/events/badges, certificate) printed by
// WeasyPrint through platform/export/document_conversion: the same tool prints the
// programme, honours @page and page breaks, and draws the ticket's inline SVG QR code.
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_documents {

//   GET /evenements/SLUG/badge.pdf         the visitor's own, confirmed registration
//   GET /evenements/SLUG/attestation.pdf   the visitor's own, once checked in
Response my_badge(const App& app, Visitor& visitor, const std::string& slug);
Response my_certificate(const App& app, Visitor& visitor, const std::string& slug);
// POST: the same certificate, queued by e-mail with the PDF attached (once per quarter hour).
Response mail_my_certificate(const App& app, Visitor& visitor, const std::string& slug);

//   GET /admin/evenements/SLUG/badges.pdf                          every confirmed person
//   GET /admin/evenements/SLUG/inscriptions/ID/badge.pdf | attestation.pdf
// The whole sheet, or part N (?partie=N); a sheet of several parts sends to their list.
Response badge_sheet(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response badge_sheet_parts(const App& app, Visitor& visitor, const std::string& slug);
//   GET /admin/evenements/SLUG/badges.html   the same sheet as a page, to print from the browser
Response badge_sheet_page(const App& app, Visitor& visitor, const std::string& slug);
Response badge_of(const App& app, Visitor& visitor, const std::string& slug, long long registration_id);
Response certificate_of(const App& app, Visitor& visitor, const std::string& slug, long long registration_id);

}  // namespace ateliers::web::events_documents
