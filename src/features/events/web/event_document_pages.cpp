#include "features/events/web/event_document_pages.hpp"

#include <nlohmann/json.hpp>

#include "features/events/domain/badge_sheet.hpp"
#include "features/events/services/event_certificate_mail.hpp"
#include "features/events/services/event_documents.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/export/document_conversion.hpp"
#include "platform/export/qr_code.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::events_documents {

namespace {

Response failed(const App& app, const Visitor& visitor, const Failure& f) {
    const char* title = f.kind == FailureKind::not_found   ? "Introuvable"
                        : f.kind == FailureKind::forbidden ? "Accès refusé"
                        : f.kind == FailureKind::conflict  ? "Document indisponible"
                                                           : "Erreur";
    return app.error_page(visitor, http_status(f), title, f.message);
}

Response login_first(const std::string& slug) {
    return redirect_to("/compte/connexion?suivant=" + url_encode("/evenements/" + slug));
}

std::string dates_of(const store::EventRow& e) {
    const auto from = paris_time::long_date(e.starts_at), to = paris_time::long_date(e.ends_at);
    return from == to ? "le " + from : "du " + from + " au " + to;
}

nlohmann::json workshops_view(const std::vector<services::BadgeWorkshop>& workshops) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& w : workshops)
        out.push_back({{"title", w.title},
                       {"room", w.room},
                       {"has_room", !w.room.empty()},
                       {"when", paris_time::long_date(w.starts_at) + ", " + paris_time::time_of_day(w.starts_at)},
                       {"time", paris_time::time_of_day(w.starts_at)}});
    return out;
}

Response pdf_response(std::string bytes, const std::string& filename) {
    Response r;
    r.content_type = std::string(documents::media_type(documents::Format::pdf));
    r.body = std::move(bytes);
    r.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    r.header("Cache-Control", "private, no-store");
    return r;
}

Response pdf(const App& app, const Visitor& visitor, const std::string& html, const std::string& filename) {
    auto file = documents::convert_html(html, documents::Format::pdf);
    if (!file) return failed(app, visitor, file.failure());
    return pdf_response(std::move(file.value()), filename);
}

// The printable page of the badges, the one WeasyPrint prints: those of `part` only.
std::string badges_html(const App& app, const services::EventBadges& b, const events::SheetPart& part) {
    nlohmann::json pages = nlohmann::json::array();
    for (std::size_t i = part.first; i < part.first + part.count && i < b.badges.size(); ++i) {
        if ((i - part.first) % events::badges_per_page == 0) pages.push_back({{"badges", nlohmann::json::array()}});
        const auto& badge = b.badges[i];
        const auto& r = badge.registration;
        const auto workshops = workshops_view(badge.workshops);
        pages.back()["badges"].push_back({{"name", r.full_name},
                                          {"organisation", r.organisation},
                                          {"function", r.function_title},
                                          {"workshops", workshops},
                                          {"has_workshops", !workshops.empty()},
                                          {"qr_svg", documents::qr_svg(badge.token, "Code QR du billet de " + r.full_name)}});
    }
    const auto& e = b.event;
    return app.fragment("events/badges", {{"title", "Badges – " + e.title},
                                          {"event_title", e.title},
                                          {"dates", dates_of(e)},
                                          {"venue", e.venue},
                                          {"pages", pages},
                                          {"empty", b.badges.empty()}});
}

std::string badges_html(const App& app, const services::EventBadges& b) {
    return badges_html(app, b, events::SheetPart{1, 0, b.badges.size()});
}

Response badges_pdf(const App& app, const Visitor& visitor, const Result<services::EventBadges>& badges,
                    const std::string& filename) {
    if (!badges) return failed(app, visitor, badges.failure());
    return pdf(app, visitor, badges_html(app, badges.value()), filename);
}

// "Partie 2 : badges 97 à 192 (Dupont Anne → Martin Paul), 12 pages"
nlohmann::json part_view(const std::string& slug, const services::EventBadges& b, const events::SheetPart& part) {
    const auto pages = part.pages();
    nlohmann::json out = {{"number", part.number},
                          {"link", "/admin/evenements/" + slug + "/badges.pdf?partie=" + std::to_string(part.number)},
                          {"pages", std::to_string(pages) + (pages > 1 ? " pages" : " page")}};
    if (part.count == 0) return out;
    out["range"] = "badges " + std::to_string(part.first + 1) + " à " + std::to_string(part.first + part.count);
    out["names"] = b.badges[part.first].registration.full_name + " → " +
                   b.badges[part.first + part.count - 1].registration.full_name;
    return out;
}

std::string certificate_file_name(const services::EventCertificate& c) {
    return "attestation-" + c.event.slug + "-" + std::to_string(c.registration.id) + ".pdf";
}

// The printed certificate, for the download and for the e-mail alike.
Result<std::string> certificate_document(const App& app, const services::EventCertificate& c) {
    const auto& e = c.event;
    const auto& r = c.registration;
    const auto workshops = workshops_view(c.workshops);
    const auto today = paris_time::long_date(store::now_utc_seconds());
    return documents::convert_html(
        app.fragment("events/certificate",
                     {{"title", "Attestation de présence – " + r.full_name},
                      {"event_title", e.title},
                      {"dates", dates_of(e)},
                      {"venue", e.venue},
                      {"address", e.address},
                      {"has_venue", !e.venue.empty()},
                      {"organisers", e.organisers.empty() ? std::string("l’équipe de l’événement") : e.organisers},
                      {"name", r.full_name},
                      {"organisation", r.organisation},
                      {"function", r.function_title},
                      {"has_function", !r.function_title.empty()},
                      {"checked_in", paris_time::long_date(c.checked_in_at) + " à " + paris_time::time_of_day(c.checked_in_at)},
                      {"workshops", workshops},
                      {"has_workshops", !workshops.empty()},
                      {"today", today},
                      {"reference", e.slug + "-" + std::to_string(r.id)}}),
        documents::Format::pdf);
}

Response certificate_pdf(const App& app, const Visitor& visitor, const Result<services::EventCertificate>& certificate) {
    if (!certificate) return failed(app, visitor, certificate.failure());
    auto file = certificate_document(app, certificate.value());
    if (!file) return failed(app, visitor, file.failure());
    return pdf_response(std::move(file.value()), certificate_file_name(certificate.value()));
}

}  // namespace

Response my_badge(const App& app, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    return badges_pdf(app, visitor, services::my_event_badge(app.db(), slug, visitor.user->id), "badge-" + slug + ".pdf");
}

Response my_certificate(const App& app, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    return certificate_pdf(app, visitor, services::my_event_certificate(app.db(), slug, visitor.user->id));
}

Response mail_my_certificate(const App& app, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    auto certificate = services::my_event_certificate(app.db(), slug, visitor.user->id);
    if (!certificate) return failed(app, visitor, certificate.failure());
    auto file = certificate_document(app, certificate.value());
    if (!file) return failed(app, visitor, file.failure());
    auto mailed = services::mail_event_certificate(app.db(), app.mail_context(), certificate.value(), file.value(),
                                                   certificate_file_name(certificate.value()), store::now_utc_seconds());
    if (!mailed) return failed(app, visitor, mailed.failure());
    return redirect_to("/evenements/" + slug + "?message=attestation#mon-billet");
}

Response badge_sheet(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    auto badges = services::event_badge_sheet(app.db(), slug);
    if (!badges) return failed(app, visitor, badges.failure());
    const auto count = badges->badges.size();
    const auto asked = req.query_param("partie");
    if (asked.empty()) {
        // A sheet too long to print in one go is offered in parts.
        if (events::sheet_parts(count).size() > 1) return redirect_to("/admin/evenements/" + slug + "/badges");
        return pdf(app, visitor, badges_html(app, badges.value()), "badges-" + slug + ".pdf");
    }
    const auto number = text::parse_bounded_integer(asked, 1, 10000);
    const auto part = number ? events::sheet_part(count, static_cast<int>(*number)) : std::nullopt;
    if (!part)
        return app.error_page(visitor, 404, "Partie introuvable",
                              "La planche de badges n’a pas de partie « " + asked + " ». Choisissez-en une dans la liste.");
    return pdf(app, visitor, badges_html(app, badges.value(), *part),
               "badges-" + slug + "-partie-" + std::to_string(part->number) + ".pdf");
}

Response badge_sheet_parts(const App& app, Visitor& visitor, const std::string& slug) {
    auto badges = services::event_badge_sheet(app.db(), slug);
    if (!badges) return failed(app, visitor, badges.failure());
    const auto& b = badges.value();
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& part : events::sheet_parts(b.badges.size())) parts.push_back(part_view(slug, b, part));
    const auto count = b.badges.size();
    return app.page(visitor, "events/badge_parts",
                    {{"title", "Planche de badges – " + b.event.title},
                     {"event", {{"title", b.event.title}, {"slug", slug}}},
                     {"count", std::to_string(count) + (count > 1 ? " badges" : " badge")},
                     {"empty", count == 0},
                     {"several", parts.size() > 1},
                     {"parts", parts}});
}

Response badge_sheet_page(const App& app, Visitor& visitor, const std::string& slug) {
    auto badges = services::event_badge_sheet(app.db(), slug);
    if (!badges) return failed(app, visitor, badges.failure());
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = badges_html(app, badges.value());
    r.header("Cache-Control", "private, no-store");
    return r;
}

Response badge_of(const App& app, Visitor& visitor, const std::string& slug, long long registration_id) {
    return badges_pdf(app, visitor, services::event_badge_of(app.db(), slug, registration_id),
                      "badge-" + slug + "-" + std::to_string(registration_id) + ".pdf");
}

Response certificate_of(const App& app, Visitor& visitor, const std::string& slug, long long registration_id) {
    return certificate_pdf(app, visitor, services::event_certificate_of(app.db(), slug, registration_id));
}

}  // namespace ateliers::web::events_documents
