#include "features/events/web/event_questionnaire_pages.hpp"

#include <nlohmann/json.hpp>

#include "features/events/services/event_questionnaire.hpp"
#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::events_questionnaire {

namespace {

std::string address(const std::string& slug) { return "/evenements/" + slug + "/questionnaire"; }

Response login_first(const std::string& slug) { return redirect_to("/compte/connexion?suivant=" + url_encode(address(slug))); }

Response failed(const App& app, const Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Introuvable" : "Questionnaire fermé",
                          f.message);
}

events::QuestionnaireInput input_of(const FormFields& f) {
    return {field(f, "rating"), field(f, "useful_item"), field(f, "next_step"), field(f, "comment")};
}

// The form's values: what was typed when given, else the earlier answers.
nlohmann::json view(const services::EventQuestionnaire& q, const FormFields* typed, const nlohmann::json& errors) {
    events::QuestionnaireInput in;
    if (typed) {
        in = input_of(*typed);
    } else if (q.answers) {
        in = {std::to_string(q.answers->rating), q.answers->useful_item_id ? std::to_string(q.answers->useful_item_id) : "0",
              q.answers->next_step, q.answers->comment};
    }
    nlohmann::json ratings = nlohmann::json::array();
    for (int level = 5; level >= 1; --level) {
        const auto value = std::to_string(level);
        ratings.push_back({{"id", "rating-" + value}, {"value", value},
                           {"label", value + " – " + feedback::satisfaction_label(level)}, {"checked", in.rating == value}});
    }
    nlohmann::json workshops = nlohmann::json::array();
    workshops.push_back({{"id", "useful-0"}, {"value", "0"}, {"label", "Aucun en particulier"}, {"checked", in.useful_item == "0"}});
    for (const auto& w : q.workshops) {
        const auto value = std::to_string(w.id);
        workshops.push_back({{"id", "useful-" + value}, {"value", value},
                             {"label", w.label + (w.chosen ? " – votre atelier" : "")}, {"checked", in.useful_item == value}});
    }
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& code : events::next_step_codes())
        steps.push_back({{"id", "next-" + code}, {"value", code}, {"label", events::next_step_label(code)},
                         {"checked", in.next_step == code}});
    return {{"title", "Votre avis sur « " + q.event.title + " »"},
            {"slug", q.event.slug},
            {"event_title", q.event.title},
            {"action", address(q.event.slug)},
            {"open", q.access == events::QuestionnaireAccess::open},
            {"closed_message", q.access_message},
            {"closes", paris_time::long_date(q.closes_at)},
            {"answered", q.answers.has_value()},
            {"ratings", ratings},
            {"workshops", workshops},
            {"has_workshops", !q.workshops.empty()},
            {"next_steps", steps},
            {"comment", in.comment},
            {"errors", errors}};
}

}  // namespace

Response questionnaire_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    auto q = services::event_questionnaire(app.db(), visitor.user->id, slug, store::now_utc_seconds());
    if (!q) return failed(app, visitor, q.failure());
    auto data = view(q.value(), nullptr, form_errors_view("", {}));
    if (req.query_param("enregistre") == "1")
        data["notice"] = "Merci ! Vos réponses sont enregistrées. Vous pouvez les modifier ici jusqu’au " +
                         paris_time::long_date(q->closes_at) + ".";
    return app.page(visitor, "events/questionnaire", data);
}

Response questionnaire_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    const auto now = store::now_utc_seconds();
    auto done = services::submit_event_questionnaire(app.db(), visitor.user->id, slug, input_of(form), now);
    if (done) return redirect_to(address(slug) + "?enregistre=1");
    if (done.failure().fields.empty()) return failed(app, visitor, done.failure());
    auto q = services::event_questionnaire(app.db(), visitor.user->id, slug, now);
    if (!q) return failed(app, visitor, q.failure());
    return app.page(visitor, "events/questionnaire",
                    view(q.value(), &form, form_errors_view(done.failure().message, done.failure().fields)), 422);
}

}  // namespace ateliers::web::events_questionnaire
