#include "features/events/web/event_report_pages.hpp"

#include <nlohmann/json.hpp>

#include "features/events/domain/questionnaire_rules.hpp"
#include "features/events/services/event_report.hpp"
#include "features/feedback/domain/feedback_rules.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::events_report {

namespace {

Response failed(const App& app, const Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Événement introuvable" : "Erreur", f.message);
}

// A breakdown as the template's table: caption, first column's header, rows.
nlohmann::json breakdown(const std::string& id, const std::string& caption, const std::string& header,
                         const std::vector<services::EventReportLine>& lines) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& l : lines)
        rows.push_back({{"label", l.label},
                        {"registered", l.registered},
                        {"came", l.came},
                        {"rate", l.registered ? std::to_string((100 * l.came + l.registered / 2) / l.registered) + " %" : "–"}});
    return {{"id", id}, {"caption", caption}, {"header", header}, {"rows", rows}, {"has_rows", !rows.empty()}};
}

// The questionnaire's summary: counts, the rating's distribution (bars as widths of 100 %),
// what people will do next, mentions per workshop, comments.
nlohmann::json questionnaire_view(const services::QuestionnaireReport& q) {
    const auto& s = q.summary;
    nlohmann::json ratings = nlohmann::json::array();
    for (int level = 5; level >= 1; --level) {
        const int n = s.ratings[level - 1];
        ratings.push_back({{"label", std::to_string(level) + " – " + feedback::satisfaction_label(level)},
                           {"count", n},
                           {"width", s.answers ? (100 * n + s.answers / 2) / s.answers : 0}});
    }
    nlohmann::json next = nlohmann::json::array();
    for (const auto& code : events::next_step_codes()) {
        const auto it = s.next_steps.find(code);
        next.push_back({{"label", events::next_step_label(code)}, {"count", it == s.next_steps.end() ? 0 : it->second}});
    }
    nlohmann::json useful = nlohmann::json::array();
    for (const auto& [label, n] : q.useful) useful.push_back({{"label", label}, {"count", n}});
    nlohmann::json comments = nlohmann::json::array();
    for (const auto& c : s.comments) comments.push_back(c);
    return {{"asked", s.asked},
            {"answers", s.answers},
            {"rate", s.response_percent ? std::to_string(*s.response_percent) + " %" : std::string("–")},
            {"average", events::rating_text(s.average_rating)},
            {"has_answers", s.answers > 0},
            {"ratings", ratings},
            {"next_steps", next},
            {"useful", useful},
            {"has_useful", !useful.empty()},
            {"comments", comments},
            {"has_comments", !comments.empty()}};
}

}  // namespace

Response report_page(const App& app, Visitor& visitor, const std::string& slug) {
    auto report = services::event_report(app.db(), slug);
    if (!report) return failed(app, visitor, report.failure());
    const auto& r = report.value();
    nlohmann::json workshops = nlohmann::json::array();
    for (const auto& w : r.workshops)
        workshops.push_back({{"slot", w.slot},
                             {"title", w.title},
                             {"capacity", w.capacity ? std::to_string(*w.capacity) : std::string("sans limite")},
                             {"held", w.held},
                             {"checked_in", w.checked_in},
                             {"present", w.present}});
    nlohmann::json data{
        {"title", "Bilan – " + r.event.title},
        {"event", events_pages::event_card_view(r.event, store::now_utc_seconds())},
        {"summary", breakdown("synthese", "Participation", "Participation", {r.total, r.in_person, r.online})},
        {"breakdowns",
         nlohmann::json::array({breakdown("organisations", "Par type d’organisation", "Type d’organisation", r.organisation_kinds),
                                breakdown("regions", "Par région", "Région", r.regions),
                                breakdown("departements", "Par département", "Département", r.departements),
                                breakdown("territoires", "Par type de territoire", "Type de territoire", r.territory_kinds)})},
        {"workshops", workshops},
        {"has_workshops", !workshops.empty()},
        {"questionnaire", questionnaire_view(r.questionnaire)},
        {"registered", r.total.registered},
        {"came_text", r.total.came == 1 ? std::string("1 personne accueillie")
                                         : std::to_string(r.total.came) + " personnes accueillies"}};
    return app.page(visitor, "events/report", data);
}

Response report_csv(const App& app, Visitor& visitor, const std::string& slug) {
    auto report = services::event_report(app.db(), slug);
    if (!report) return failed(app, visitor, report.failure());
    Response r;
    r.body = spreadsheet::to_csv(services::event_report_tables(report.value()));
    r.content_type = "text/csv; charset=utf-8";
    r.header("Content-Disposition", "attachment; filename=\"bilan-" + slug + ".csv\"");
    return r;
}

}  // namespace ateliers::web::events_report
