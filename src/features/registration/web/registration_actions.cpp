#include <nlohmann/json.hpp>

#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "features/feedback/services/feedback.hpp"
#include "features/registration/services/registrations.hpp"
#include "platform/http/handlers.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace {

Response login_required(const std::string& path) {
    return redirect_to("/compte/connexion?suivant=" + url_encode(path));
}

std::optional<services::MyRegistration> find_mine(const App& app, long long user_id, long long id) {
    auto mine = services::my_registrations(app.db(), user_id, store::now_utc_seconds());
    if (!mine) return std::nullopt;
    for (auto& r : mine.value())
        if (r.id == id) return r;
    return std::nullopt;
}

}  // namespace

nlohmann::json my_registrations_view(const App& app, long long user_id) {
    nlohmann::json out = nlohmann::json::array();
    const auto now = store::now_utc_seconds();
    auto mine = services::my_registrations(app.db(), user_id, now);
    if (!mine) return out;
    const auto answered = services::answered_registrations(app.db(), user_id);
    for (const auto& r : mine.value()) {
        const bool active = registration::is_active(r.status);
        // The questionnaire opens once the cycle is over (see services/feedback).
        const bool feedback_open = feedback::eligibility(r.status == registration::Status::confirmed,
                                                         r.last_session_ends_at, now) == feedback::Eligibility::open;
        const bool feedback_given = answered && answered.value().count(r.id) > 0;
        out.push_back({{"id", r.id},
                       {"cycle_slug", r.cycle_slug},
                       {"cycle_title", r.cycle_title},
                       {"facilitator", r.facilitator},
                       {"status", registration::status_label(r.status)},
                       {"badge", r.status == registration::Status::confirmed ? "fr-badge--success"
                                 : r.status == registration::Status::waiting ? "fr-badge--warning"
                                 : r.status == registration::Status::applied ? "fr-badge--info"
                                                                             : ""},
                       {"waiting_position", r.waiting_position},
                       {"is_waiting", r.status == registration::Status::waiting},
                       {"first_session", r.first_session_at ? paris_time::long_date(r.first_session_at) : ""},
                       {"situation", r.situation},
                       {"editable", r.situation_editable},
                       {"has_choices", r.round_choices > 1},
                       {"choice_number", r.choice_number},
                       {"round_choices", r.round_choices},
                       {"can_move_up", r.choice_number > 1},
                       {"active", active},
                       {"feedback_open", feedback_open},
                       {"feedback_label", feedback_given ? "Modifier votre avis" : "Donner votre avis"}});
    }
    return out;
}

Response situation_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id) {
    if (!visitor.user) return login_required(req.path);
    auto done = services::update_situation(app.db(), *visitor.user, id, field(form, "situation"));
    if (done) return redirect_to("/espace?situation=1#inscription-" + std::to_string(id));
    const auto& f = done.failure();
    if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
    const auto mine = find_mine(app, visitor.user->id, id);
    if (!mine) return app.error_page(visitor, 404, "Inscription introuvable", f.message);
    // The text typed is shown again with the message, never lost.
    return app.page(visitor, "registration/situation_form",
                    {{"title", "Modifier ma situation – Ateliers des territoires"},
                     {"id", id},
                     {"cycle_title", mine->cycle_title},
                     {"situation", field(form, "situation")},
                     {"error", f.message}},
                    http_status(f));
}

Response choice_up_submit(const App& app, const Request& req, Visitor& visitor, const FormFields&, long long id) {
    if (!visitor.user) return login_required(req.path);
    auto done = services::move_choice_up(app.db(), visitor.user->id, id);
    if (done) return redirect_to("/espace?voeux=1#inscription-" + std::to_string(id));
    const auto& f = done.failure();
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::technical ? "Erreur technique" : "Action impossible", f.message);
}

Response cancel_confirm_page(const App& app, const Request& req, Visitor& visitor, long long id) {
    if (!visitor.user) return login_required(req.path);
    const auto mine = find_mine(app, visitor.user->id, id);
    if (!mine || !registration::is_active(mine->status))
        return app.error_page(visitor, 404, "Inscription introuvable", "Cette inscription n’existe pas ou est déjà annulée.");
    return app.page(visitor, "registration/cancel_confirm",
                    {{"title", "Annuler mon inscription – Ateliers des territoires"},
                     {"id", id},
                     {"cycle_title", mine->cycle_title}});
}

Response cancel_submit(const App& app, const Request& req, Visitor& visitor, const FormFields&, long long id) {
    if (!visitor.user) return login_required(req.path);
    auto done = services::cancel_registration(app.db(), *visitor.user, id, app.mail_context());
    if (!done) return app.error_page(visitor, http_status(done.failure()), "Annulation impossible", done.failure().message);
    return redirect_to("/espace?annulation=1");
}

}  // namespace ateliers::web
