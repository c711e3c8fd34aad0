#include <nlohmann/json.hpp>

#include "features/feedback/services/feedback.hpp"
#include "features/feedback/web/feedback_routes.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::feedback_pages {

namespace {

using feedback::TestimonialState;

nlohmann::json scale(const char* name, const char* (*label)(int), const std::string& selected) {
    nlohmann::json out = nlohmann::json::array();
    for (int level = 1; level <= 5; ++level) {
        const auto value = std::to_string(level);
        out.push_back({{"id", std::string(name) + "-" + value},
                       {"value", value},
                       {"label", label(level)},
                       {"checked", value == selected}});
    }
    return out;
}

const char* state_code(TestimonialState s) {
    switch (s) {
        case TestimonialState::none: return "aucun";
        case TestimonialState::private_only: return "prive";
        case TestimonialState::pending_review: return "relecture";
        case TestimonialState::published: return "publie";
    }
    return "aucun";
}

// What the participant is told about their testimonial, by its state.
std::string state_text(const std::string& code) {
    if (code == "prive")
        return "Votre témoignage est conservé sans être publié, car vous n’avez pas coché l’accord de publication : "
               "seule l’équipe des ateliers le lit.";
    if (code == "relecture")
        return "Votre témoignage est en attente de relecture par l’équipe des ateliers, qui le publiera ensuite sur "
               "le site avec votre nom, votre fonction et votre commune.";
    if (code == "publie") return "Votre témoignage est publié sur le site.";
    return {};
}

std::string current_state(const services::Questionnaire& q) {
    if (!q.testimonial) return "aucun";
    if (q.testimonial->published) return "publie";
    return q.testimonial->consent ? "relecture" : "prive";
}

// The form's values: what was typed when given, else the earlier answers.
nlohmann::json view(const services::Questionnaire& q, const FormFields* typed, const nlohmann::json& errors) {
    feedback::QuestionnaireInput in;
    if (typed) {
        in = {field(*typed, "satisfaction"), field(*typed, "usefulness"), field(*typed, "would_recommend"),
              field(*typed, "comment"),      field(*typed, "testimonial"), field(*typed, "consent") == "1"};
    } else if (q.answers) {
        const auto& a = *q.answers;
        in = {a.satisfaction ? std::to_string(a.satisfaction) : "",
              a.usefulness ? std::to_string(a.usefulness) : "",
              a.satisfaction ? (a.would_recommend ? "oui" : "non") : "",
              a.comment,
              a.testimonial,
              a.consent};
    }
    const auto state = current_state(q);
    return {{"title", "Votre avis sur « " + q.cycle_title + " » – Ateliers des territoires"},
            {"id", q.registration_id},
            {"cycle_title", q.cycle_title},
            {"cycle_slug", q.cycle_slug},
            {"answered", q.answers.has_value()},
            {"signature",
             {{"author", q.signature.author}, {"role_text", q.signature.role_text}, {"place", q.signature.place}}},
            {"satisfaction_options", scale("satisfaction", feedback::satisfaction_label, in.satisfaction)},
            {"usefulness_options", scale("usefulness", feedback::usefulness_label, in.usefulness)},
            {"values",
             {{"recommend_yes", in.would_recommend == "oui"},
              {"recommend_no", in.would_recommend == "non"},
              {"comment", in.comment},
              {"testimonial", in.testimonial},
              {"consent", in.consent}}},
            {"has_testimonial", q.testimonial.has_value()},
            {"testimonial_status", state_text(state)},
            {"can_withdraw", q.testimonial && q.testimonial->consent},
            {"errors", errors}};
}

}  // namespace

Response questionnaire_page(const App& app, const Request& req, Visitor& visitor, long long registration_id) {
    auto q = services::questionnaire_for(app.db(), visitor.user->id, registration_id, store::now_utc_seconds());
    if (!q) return service_error(app, visitor, q.failure());
    auto data = view(q.value(), nullptr, form_errors_view("", {}));
    if (req.query_param("enregistre") == "1") {
        data["notice"] = "Merci ! Votre avis est enregistré. Vous pouvez le modifier ici tant que vous le souhaitez.";
        if (const auto text = state_text(req.query_param("temoignage")); !text.empty()) data["testimonial_notice"] = text;
    }
    if (req.query_param("accord") == "retire")
        data["notice"] = "Votre accord est retiré : votre témoignage n’est plus publié sur le site. Il reste lisible "
                         "par la seule équipe des ateliers ; effacez son texte et enregistrez pour le supprimer.";
    return app.page(visitor, "feedback/questionnaire", data);
}

Response questionnaire_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                              long long registration_id) {
    const feedback::QuestionnaireInput input{field(form, "satisfaction"), field(form, "usefulness"),
                                             field(form, "would_recommend"), field(form, "comment"),
                                             field(form, "testimonial"),     field(form, "consent") == "1"};
    const auto now = store::now_utc_seconds();
    auto done = services::submit_questionnaire(app.db(), visitor.user->id, registration_id, input, now);
    if (done)
        return redirect_to("/espace/questionnaire/" + std::to_string(registration_id) +
                           "?enregistre=1&temoignage=" + state_code(done->testimonial));
    if (done.failure().fields.empty()) return service_error(app, visitor, done.failure());
    // Validation errors: the page again, with what was typed.
    auto q = services::questionnaire_for(app.db(), visitor.user->id, registration_id, now);
    if (!q) return service_error(app, visitor, q.failure());
    return app.page(visitor, "feedback/questionnaire",
                    view(q.value(), &form, form_errors_view(done.failure().message, done.failure().fields)), 422);
}

Response consent_withdraw_submit(const App& app, const Request&, Visitor& visitor, long long registration_id) {
    auto done = services::withdraw_consent(app.db(), visitor.user->id, registration_id);
    if (!done) return service_error(app, visitor, done.failure());
    return redirect_to("/espace/questionnaire/" + std::to_string(registration_id) + "?accord=retire");
}

}  // namespace ateliers::web::feedback_pages
