#include <nlohmann/json.hpp>

#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_registrations.hpp"
#include "features/events/web/event_pages.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/paths.hpp"
#include "platform/referential/web/collectivite_picker.hpp"

namespace ateliers::web::events_pages {

namespace {

Response login_first(const std::string& slug) {
    return redirect_to("/compte/connexion?suivant=" + url_encode("/evenements/" + slug + "/inscription"));
}

// slot id -> workshop id from the fields "choix_SLOT"; "" means "je ne sais pas encore".
// A value that is not a number is kept as workshop 0, which the rules refuse by name.
events::Choices choices_from(const services::EventProgramme& p, const FormFields& form) {
    events::Choices out;
    for (const auto& slot : p.slots) {
        const auto value = field(form, "choix_" + std::to_string(slot.id));
        if (value.empty()) continue;
        out[slot.id] = path_id(value).value_or(0);
    }
    return out;
}

nlohmann::json option(const std::string& value, const std::string& label, const std::string& current) {
    return {{"value", value}, {"label", label}, {"selected", value == current}};
}

Response form_page(const App& app, Visitor& visitor, const services::EventProgramme& p, const FormFields& typed,
                   const nlohmann::json& picker, const std::map<std::string, std::string>& errors, const std::string& summary,
                   int status) {
    std::map<long long, long long> chosen;
    for (const auto& slot : p.slots)
        if (auto id = path_id(field(typed, "choix_" + std::to_string(slot.id)))) chosen[slot.id] = *id;
    auto days = programme_view(p, chosen);
    // The slots, in order, for the choice fieldsets.
    nlohmann::json slots = nlohmann::json::array();
    for (const auto& day : days)
        for (const auto& entry : day["entries"])
            if (entry.contains("slot")) {
                auto slot = entry["slot"];
                slot["date"] = day["date"];
                const auto key = "choix_" + std::to_string(slot["id"].get<long long>());
                if (errors.count(key)) slot["problem"] = errors.at(key);
                slot["none_chosen"] = !chosen.count(slot["id"].get<long long>());
                for (auto& w : slot["workshops"]) w["field"] = key;
                slots.push_back(slot);
            }
    auto picker_view = picker;
    if (errors.count("collectivite")) picker_view["problem"] = errors.at("collectivite");
    const auto kind = field(typed, "organisation_kind");
    const auto attendance = field(typed, "attendance").empty() ? std::string("in_person") : field(typed, "attendance");
    nlohmann::json data{
        {"title", "S’inscrire – " + p.event.title},
        {"event", event_card_view(p.event, store::now_utc_seconds())},
        {"slots", slots},
        {"has_slots", !slots.empty()},
        {"picker_html", app.fragment("collectivite_picker", picker_view)},
        {"errors", form_errors_view(summary, errors)},
        {"values",
         {{"organisation", field(typed, "organisation")},
          {"function_title", field(typed, "function_title")},
          {"meals", field(typed, "meals")},
          {"accessibility", field(typed, "accessibility")},
          {"public_listing", field(typed, "public_listing") == "1"},
          {"in_person", attendance == "in_person"},
          {"online", attendance == "online"}}},
        {"kinds", nlohmann::json::array({option("", "Choisissez", kind), option("collectivite", "Collectivité", kind),
                                         option("association", "Association", kind),
                                         option("etat", "Service de l’État", kind),
                                         option("consultant", "Bureau d’études, consultant", kind),
                                         option("recherche", "Recherche, université", kind),
                                         option("autre", "Autre", kind)})},
        {"meals_offered", p.event.meals},
        {"has_meals_offered", !p.event.meals.empty()},
    };
    return app.page(visitor, "events/registration_form", data, status);
}

}  // namespace

Response registration_form(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    auto p = services::event_programme(app.db(), slug, false);
    if (!p) return app.error_page(visitor, http_status(p.failure()), "Événement introuvable", p.failure().message);
    const FormFields prefill{{"function_title", visitor.user->function_title}};
    return form_page(app, visitor, p.value(), prefill, collectivite_picker_view(app.db(), visitor.user->collectivite_id, ""),
                     {}, "", 200);
}

Response registration_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                              const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    auto p = services::event_programme(app.db(), slug, false);
    if (!p) return app.error_page(visitor, http_status(p.failure()), "Événement introuvable", p.failure().message);
    std::map<std::string, std::string> errors;
    PickedCollectivite picked;
    picked.view = collectivite_picker_view(app.db(), "", field(form, "collectivite_q"));
    if (!field(form, "collectivite").empty() || !field(form, "collectivite_q").empty()) {
        picked = pick_collectivite(app.db(), form);
        if (!picked.problem.empty()) errors["collectivite"] = picked.problem;
    }
    services::EventRegistrationRequest request{{field(form, "organisation"), field(form, "organisation_kind"),
                                                field(form, "function_title"), field(form, "attendance"),
                                                field(form, "meals"), field(form, "accessibility"),
                                                field(form, "public_listing") == "1"},
                                               picked.id,
                                               choices_from(p.value(), form)};
    if (errors.empty()) {
        auto outcome = services::register_to_event(app.db(), *visitor.user, slug, request, app.mail_context());
        if (outcome)
            return redirect_to("/evenements/" + slug + "?message=" +
                               (outcome->status == "confirmed" ? "inscrit" : "attente") + "#mon-inscription");
        const auto& f = outcome.failure();
        if (f.kind == FailureKind::technical) return app.error_page(visitor, 500, "Erreur technique", f.message);
        for (const auto& [k, v] : f.fields) errors.emplace(k, v);
        if (errors.empty()) errors["form"] = f.message;
        return form_page(app, visitor, p.value(), form, picked.view, errors,
                         f.fields.empty() ? f.message : "Votre inscription n’est pas encore enregistrée : corrigez les champs signalés.",
                         http_status(f));
    }
    return form_page(app, visitor, p.value(), form, picked.view, errors,
                     "Votre inscription n’est pas encore enregistrée : corrigez les champs signalés.", 422);
}

Response choices_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    auto p = services::event_programme(app.db(), slug, false);
    if (!p) return app.error_page(visitor, http_status(p.failure()), "Événement introuvable", p.failure().message);
    auto my = services::my_event_registration(app.db(), p->event.id, visitor.user->id);
    if (!my || !my.value()) return app.error_page(visitor, 404, "Inscription introuvable", "Vous n’êtes pas inscrit·e à cet événement.");
    auto done = services::change_event_choices(app.db(), *visitor.user, my.value()->registration.id,
                                               choices_from(p.value(), form), app.mail_context());
    if (done) return redirect_to("/evenements/" + slug + "?message=choix#mon-inscription");
    const auto& f = done.failure();
    return app.error_page(visitor, http_status(f), "Choix non enregistrés", f.message);
}

Response cancel_submit(const App& app, const Request&, Visitor& visitor, const FormFields&, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    auto p = services::event_programme(app.db(), slug, false);
    if (!p) return app.error_page(visitor, http_status(p.failure()), "Événement introuvable", p.failure().message);
    auto my = services::my_event_registration(app.db(), p->event.id, visitor.user->id);
    if (!my || !my.value()) return app.error_page(visitor, 404, "Inscription introuvable", "Vous n’êtes pas inscrit·e à cet événement.");
    auto done = services::cancel_event_registration(app.db(), *visitor.user, my.value()->registration.id, app.mail_context());
    if (done) return redirect_to("/evenements/" + slug + "?message=annule");
    return app.error_page(visitor, http_status(done.failure()), "Annulation non enregistrée", done.failure().message);
}

}  // namespace ateliers::web::events_pages
