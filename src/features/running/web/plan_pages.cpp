// Editing phases: a session's plan (facilitators) and the templates (organisers).
// One form for both: rows of title and instructions / minutes / in groups; "Monter", "Descendre",
// "Supprimer" and "Ajouter une étape" rework the rows without saving, "Enregistrer"
// validates and saves. Works without JavaScript.
#include "platform/core/text.hpp"
#include "features/running/services/session_plans.hpp"
#include "platform/http/form_view.hpp"
#include "features/running/web/live_routes.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web::live {

namespace {

using nlohmann::json;

struct PlanForm {
    std::vector<session_plan::Phase> phases;
    std::string action;  // save | add | reset | up-I | down-I | remove-I
};

int parse_minutes(const std::string& text) {
    return static_cast<int>(text::parse_bounded_integer(text, 0, 9999).value_or(-1));
}

PlanForm read_form(const FormFields& form) {
    PlanForm out;
    out.action = field(form, "action");
    const auto count_text = field(form, "phase_count");
    const int count = std::min(parse_minutes(count_text), static_cast<int>(session_plan::max_phases) + 1);
    for (int i = 0; i < count; ++i) {
        const auto n = std::to_string(i);
        out.phases.push_back({field(form, "phase_key_" + n), field(form, "phase_title_" + n),
                              parse_minutes(field(form, "phase_minutes_" + n)),
                              field(form, "phase_groups_" + n) == "1",
                              text::trim(field(form, "phase_instructions_" + n))});
    }
    return out;
}

// Applies add / up / down / remove; false when the action saves or resets instead.
bool rework(std::vector<session_plan::Phase>& phases, const std::string& action) {
    if (action == "add") {
        if (phases.size() < session_plan::max_phases) phases.push_back({"", "", 10, true, ""});
        return true;
    }
    const auto dash = action.find('-');
    if (dash == std::string::npos) return false;
    const auto verb = action.substr(0, dash);
    const int i = parse_minutes(action.substr(dash + 1));
    if (i < 0 || i >= static_cast<int>(phases.size())) return verb == "up" || verb == "down" || verb == "remove";
    const auto at = static_cast<std::size_t>(i);
    if (verb == "up" && at > 0) std::swap(phases[at], phases[at - 1]);
    else if (verb == "down" && at + 1 < phases.size()) std::swap(phases[at], phases[at + 1]);
    else if (verb == "remove") phases.erase(phases.begin() + i);
    return verb == "up" || verb == "down" || verb == "remove";
}

std::string minutes_text(int total) {
    const int h = total / 60, m = total % 60;
    if (h == 0) return std::to_string(total) + " min";
    return std::to_string(h) + " h" + (m ? " " + std::string(m < 10 ? "0" : "") + std::to_string(m) : "");
}

// The phases table (template live/phases_table), with each field's error.
std::string phases_html(const App& app, const std::vector<session_plan::Phase>& phases,
                        const std::map<std::string, std::string>& errors) {
    json rows = json::array();
    const auto error = [&](const std::string& name) {
        const auto it = errors.find(name);
        return it == errors.end() ? json(nullptr) : json(it->second);
    };
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const auto n = std::to_string(i);
        const auto& p = phases[i];
        rows.push_back({{"index", i},
                        {"number", i + 1},
                        {"key", p.key},
                        {"title", p.title},
                        {"minutes", p.minutes > 0 ? std::to_string(p.minutes) : ""},
                        {"in_groups", p.in_groups},
                        {"instructions", p.instructions},
                        {"instructions_error", error("phase_instructions_" + n)},
                        {"can_up", i > 0},
                        {"can_down", i + 1 < phases.size()},
                        {"title_error", error("phase_title_" + n)},
                        {"minutes_error", error("phase_minutes_" + n)}});
    }
    int total = 0;
    for (const auto& p : phases) total += std::max(p.minutes, 0);
    return app.fragment("running/live_phases_table", {{"rows", rows},
                                              {"phase_count", phases.size()},
                                              {"total_text", minutes_text(total)},
                                              {"can_add", phases.size() < session_plan::max_phases}});
}

json errors_json(const Failure* failure) {
    if (!failure) return form_errors_view("", {});
    auto fields = failure->fields;
    if (fields.empty()) fields[failure->field.empty() ? "phases" : failure->field] = failure->message;
    return form_errors_view("Le plan n’a pas été enregistré : corrigez les points signalés.", fields);
}

const std::map<std::string, std::string> no_errors;

Failure organisers_only() { return fail("Seule l’équipe des ateliers gère les modèles de séance.", {}, FailureKind::forbidden); }

bool is_organiser(const Visitor& visitor) {
    return visitor.user && permissions::can_organise(*visitor.user);
}

// --- the session's plan ---

Response plan_editor(const App& app, const Visitor& visitor, const services::SessionRef& s,
                     const std::vector<session_plan::Phase>& phases, const Failure* failure, json extra, int status) {
    json templates = json::array();
    if (auto all = services::list_plan_templates(app.db()))
        for (const auto& t : all.value()) templates.push_back({{"slug", t.slug}, {"name", t.name}});
    const auto warning = session_plan::duration_warning(phases, s.minutes());
    const auto base = "/animation/" + s.cycle_slug + "/seances/" + std::to_string(s.number);
    json data = {{"title", "Plan de la séance " + std::to_string(s.number) + " – " + s.cycle_title},
                 {"session", {{"number", s.number}, {"cycle_title", s.cycle_title}, {"cycle_slug", s.cycle_slug}}},
                 {"action_url", base + "/plan"},
                 {"runner_url", base + "/direct"},
                 {"phases_html", phases_html(app, phases, failure ? failure->fields : no_errors)},
                 {"duration_warning", warning.empty() ? json(nullptr) : json(warning)},
                 {"session_minutes", minutes_text(static_cast<int>(s.minutes()))},
                 {"templates", templates},
                 {"errors", errors_json(failure)}};
    for (auto& [key, value] : extra.items()) data[key] = value;
    return app.page(visitor, "running/live_plan_editor", data, status);
}

// --- templates ---

Response template_editor(const App& app, const Visitor& visitor, const std::string& slug, const std::string& name,
                         const std::vector<session_plan::Phase>& phases, const Failure* failure, json extra, int status) {
    json data = {{"title", "Modèle « " + name + " » – Administration"},
                 {"slug", slug},
                 {"name", name},
                 {"is_default", slug == services::default_plan_template},
                 {"phases_html", phases_html(app, phases, failure ? failure->fields : no_errors)},
                 {"errors", errors_json(failure)}};
    if (failure && failure->fields.count("name")) data["name_error"] = failure->fields.at("name");
    for (auto& [key, value] : extra.items()) data[key] = value;
    return app.page(visitor, "running/live_template_editor", data, status);
}

const char* unsaved_notice = "Modifications non enregistrées : choisissez « Enregistrer le plan » pour les garder.";

}  // namespace

Response plan_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, int number) {
    if (!visitor.user) return login_required(req);
    auto p = services::session_plan(app.db(), *visitor.user, slug, number);
    if (!p) return failure_response(app, req, visitor, p.failure());
    json extra = json::object();
    if (req.query_param("enregistre") == "1") extra["notice"] = "Le plan de la séance est enregistré.";
    if (req.query_param("retabli") == "1") extra["notice"] = "Le plan de la séance reprend celui du modèle.";
    return plan_editor(app, visitor, p->session, p->phases, nullptr, extra, 200);
}

Response plan_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                     const std::string& slug, int number) {
    if (!visitor.user) return login_required(req);
    auto current = services::session_plan(app.db(), *visitor.user, slug, number);
    if (!current) return failure_response(app, req, visitor, current.failure());
    auto submitted = read_form(form);
    const auto base = "/animation/" + slug + "/seances/" + std::to_string(number) + "/plan";
    if (submitted.action == "reset") {
        auto reset = services::reset_session_plan(app.db(), *visitor.user, slug, number, field(form, "template"));
        if (!reset) return failure_response(app, req, visitor, reset.failure());
        return redirect_to(base + "?retabli=1")
            .header(live_changed_header, std::to_string(reset->session.session_id));
    }
    if (rework(submitted.phases, submitted.action))
        return plan_editor(app, visitor, current->session, submitted.phases, nullptr,
                           {{"notice_unsaved", unsaved_notice}}, 200);
    auto saved = services::save_session_plan(app.db(), *visitor.user, slug, number, submitted.phases);
    if (saved)
        return redirect_to(base + "?enregistre=1")
            .header(live_changed_header, std::to_string(saved->session.session_id));
    if (saved.failure().kind == FailureKind::technical || saved.failure().kind == FailureKind::forbidden)
        return failure_response(app, req, visitor, saved.failure());
    return plan_editor(app, visitor, current->session, submitted.phases, &saved.failure(), json::object(), 422);
}

Response templates_page(const App& app, const Request& req, Visitor& visitor) {
    if (!visitor.user) return login_required(req);
    if (!is_organiser(visitor))
        return failure_response(app, req, visitor, organisers_only());
    auto all = services::list_plan_templates(app.db());
    if (!all) return failure_response(app, req, visitor, all.failure());
    json list = json::array();
    for (const auto& t : all.value())
        list.push_back({{"slug", t.slug},
                        {"name", t.name},
                        {"phase_count", t.phases.size()},
                        {"total", minutes_text(session_plan::total_minutes(t.phases))},
                        {"is_default", t.slug == services::default_plan_template}});
    json data = {{"title", "Modèles de séance – Administration"}, {"templates", list}};
    if (!req.query_param("enregistre").empty()) data["notice"] = "Le modèle est enregistré.";
    return app.page(visitor, "running/live_templates", data);
}

Response template_create_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form) {
    if (!visitor.user) return login_required(req);
    auto created = services::create_plan_template(app.db(), *visitor.user, field(form, "name"));
    if (!created) return failure_response(app, req, visitor, created.failure());
    return redirect_to("/admin/modeles-de-seance/" + created.value());
}

Response template_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_required(req);
    if (!is_organiser(visitor))
        return failure_response(app, req, visitor, organisers_only());
    auto t = services::find_plan_template(app.db(), slug);
    if (!t) return failure_response(app, req, visitor, t.failure());
    return template_editor(app, visitor, t->slug, t->name, t->phases, nullptr, json::object(), 200);
}

Response template_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                         const std::string& slug) {
    if (!visitor.user) return login_required(req);
    if (!is_organiser(visitor))
        return failure_response(app, req, visitor, organisers_only());
    auto t = services::find_plan_template(app.db(), slug);
    if (!t) return failure_response(app, req, visitor, t.failure());
    auto submitted = read_form(form);
    const auto name = field(form, "name");
    if (rework(submitted.phases, submitted.action))
        return template_editor(app, visitor, slug, name, submitted.phases, nullptr,
                               {{"notice_unsaved", "Modifications non enregistrées : choisissez « Enregistrer le "
                                                   "modèle » pour les garder."}},
                               200);
    auto saved = services::save_plan_template(app.db(), *visitor.user, slug, name, submitted.phases);
    if (saved) return redirect_to("/admin/modeles-de-seance?enregistre=" + slug);
    if (saved.failure().kind == FailureKind::technical) return failure_response(app, req, visitor, saved.failure());
    return template_editor(app, visitor, slug, name, submitted.phases, &saved.failure(), json::object(), 422);
}

}  // namespace ateliers::web::live
