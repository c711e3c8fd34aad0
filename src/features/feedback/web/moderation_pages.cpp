#include <nlohmann/json.hpp>

#include "platform/core/paris_time.hpp"
#include "features/feedback/services/testimonials.hpp"
#include "features/feedback/services/theme_suggestions.hpp"
#include "features/feedback/web/feedback_routes.hpp"
#include "features/cycles/web/cycle_pages.hpp"

namespace ateliers::web::feedback_pages {

namespace {

std::string date_text(std::int64_t t) { return t > 0 ? paris_time::long_date(t) : ""; }

// An empty string is true for mustache sections: null (false) instead.
nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json testimonial_rows(const std::vector<services::ModeratedTestimonial>& list) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& t : list)
        rows.push_back({{"id", t.id},
                        {"author", t.author},
                        {"role_text", t.role_text},
                        {"place", t.place},
                        {"quote", t.quote},
                        {"cycle_title", t.cycle_title},
                        {"cycle_slug", t.cycle_slug},
                        {"has_cycle", !t.cycle_slug.empty()},
                        {"submitted", t.submitted_at > 0 ? date_text(t.submitted_at) : "Ajouté par l’équipe"},
                        {"consent", t.consent_at > 0 ? "Donné le " + date_text(t.consent_at)
                                    : t.submitted_at == 0 ? "Recueilli par l’équipe"
                                                          : "Non donné"},
                        {"publishable", t.publishable}});
    return rows;
}

nlohmann::json section(const std::string& id, const std::string& heading, const std::string& caption,
                       const std::string& empty, const std::vector<services::ModeratedTestimonial>& list,
                       const std::string& action, const std::string& action_label) {
    auto rows = testimonial_rows(list);
    return {{"id", id},
            {"heading", heading},
            {"caption", caption},
            {"empty", empty},
            {"count", rows.size()},
            {"has_items", !rows.empty()},
            {"items", rows},
            {"has_action", !action.empty()},
            {"action", action},
            {"action_label", action_label}};
}

}  // namespace

Response testimonials_admin_page(const App& app, const Request& req, Visitor& visitor) {
    auto lists = services::testimonials_for_moderation(app.db());
    if (!lists) return service_error(app, visitor, lists.failure());
    const auto& l = lists.value();
    nlohmann::json sections = nlohmann::json::array();
    sections.push_back(section("a-examiner", "À examiner", "Témoignages à examiner, avec l’accord de leur auteur",
                               "Aucun témoignage n’attend de relecture.", l.pending, "publier", "Publier"));
    sections.push_back(section("publies", "Publiés sur le site", "Témoignages publiés sur le site",
                               "Aucun témoignage n’est publié.", l.published, "retirer", "Retirer du site"));
    sections.push_back(section("prives", "Sans accord de publication",
                               "Témoignages sans accord de publication (non publiables)",
                               "Aucun témoignage privé.", l.private_only, "", ""));
    nlohmann::json data{{"title", "Témoignages – Administration"}, {"sections", sections}};
    const auto done = req.query_param("fait");
    if (done == "publie") data["notice"] = "Le témoignage est publié : il apparaît sur l’accueil et sur la page du cycle.";
    if (done == "retire") data["notice"] = "Le témoignage est retiré du site.";
    return app.page(visitor, "feedback/admin_testimonials", data);
}

Response testimonial_publish_submit(const App& app, const Request&, Visitor& visitor, long long id, bool publish) {
    auto done = services::set_testimonial_published(app.db(), visitor.user->id, id, publish);
    if (!done) return service_error(app, visitor, done.failure());
    return redirect_to(std::string("/admin/temoignages?fait=") + (publish ? "publie" : "retire"));
}

Response ideas_admin_page(const App& app, const Request& req, Visitor& visitor) {
    auto ideas = services::ranked_suggestions(app.db(), visitor.user->id, std::nullopt);
    if (!ideas) return service_error(app, visitor, ideas.failure());
    nlohmann::json rows = nlohmann::json::array();
    int rank = 0;
    for (const auto& s : ideas.value()) {
        nlohmann::json options = nlohmann::json::array();
        for (auto st : {feedback::ThemeStatus::open, feedback::ThemeStatus::planned, feedback::ThemeStatus::closed})
            options.push_back({{"value", feedback::theme_status_code(st)},
                               {"label", feedback::theme_status_label(st)},
                               {"selected", st == s.status}});
        rows.push_back({{"id", s.id},
                        {"rank", ++rank},
                        {"title", s.title},
                        {"description", text_or_null(s.description)},
                        {"author", s.author_name.empty() ? "Compte supprimé" : s.author_name},
                        {"author_email", text_or_null(s.author_email)},
                        {"date", date_text(s.created_at)},
                        {"supports", s.supports},
                        {"status_label", feedback::theme_status_label(s.status)},
                        {"status_badge", s.status == feedback::ThemeStatus::planned ? "fr-badge--success"
                                         : s.status == feedback::ThemeStatus::open  ? "fr-badge--info"
                                                                                    : ""},
                        {"options", options}});
    }
    nlohmann::json data{{"title", "Idées de thèmes – Administration"},
                        {"ideas", rows},
                        {"count", rows.size()},
                        {"none", rows.empty()}};
    if (req.query_param("statut") == "1") data["notice"] = "Le statut de l’idée est enregistré.";
    return app.page(visitor, "feedback/admin_ideas", data);
}

Response idea_status_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form, long long id) {
    feedback::ThemeStatus status;
    if (!feedback::parse_theme_status(field(form, "status"), status))
        return app.error_page(visitor, 400, "Statut inconnu",
                              "Choisissez l’un des statuts proposés : ouverte, retenue ou close.");
    auto done = services::set_theme_status(app.db(), visitor.user->id, id, status);
    if (!done) return service_error(app, visitor, done.failure());
    return redirect_to("/admin/idees?statut=1#idee-" + std::to_string(id));
}

}  // namespace ateliers::web::feedback_pages
