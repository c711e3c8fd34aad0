#include <nlohmann/json.hpp>

#include "features/programmes/domain/plan_snapshot.hpp"
#include "features/programmes/services/plans.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "features/programmes/services/flagship_projects.hpp"
#include "features/programmes/web/flagship_view.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::programmes_pages {

namespace {

using programmes::ActionKind;
using programmes::FieldSupport;

constexpr ActionKind kinds[] = {ActionKind::formation, ActionKind::conduite_changement, ActionKind::projet_phare};
constexpr FieldSupport supports[] = {FieldSupport::cifre, FieldSupport::vta, FieldSupport::service_civique};

std::string kind_label(const std::string& code) {
    ActionKind k;
    return programmes::parse_action_kind(code, k) ? programmes::action_kind_label(k) : code;
}
std::string status_label(const std::string& code) {
    programmes::Status s;
    return programmes::parse_status(code, s) ? programmes::status_label(s) : code;
}
// DSFR badge colours: never the only carrier of the status, whose label is written.
std::string status_badge(const std::string& code) {
    if (code == "faite") return "fr-badge--success";
    if (code == "bloquee") return "fr-badge--warning";
    if (code == "abandonnee") return "";
    if (code == "en_cours") return "fr-badge--info";
    return "fr-badge--new";
}
std::string family_label(const std::vector<programmes::GridFamily>& families, const std::string& code) {
    for (const auto& f : families)
        if (f.code == code) return f.title;
    return code;
}
std::string labels_of(const std::vector<programmes::GridFamily>& families, const std::string& codes) {
    std::string out;
    for (const auto& c : programmes::split_codes(codes)) out += (out.empty() ? "" : ", ") + family_label(families, c);
    return out;
}
std::string supports_of(const std::string& codes) {
    std::string out;
    for (const auto& c : programmes::split_codes(codes)) {
        FieldSupport f;
        out += (out.empty() ? "" : ", ") + std::string(programmes::parse_field_support(c, f) ? programmes::field_support_label(f) : c);
    }
    return out;
}
std::string years_text(const std::string& years) {
    const auto list = programmes::split_codes(years);
    std::string out = list.size() > 1 ? "Années " : "Année ";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? (i + 1 == list.size() ? " et " : ", ") : "") + list[i];
    return out;
}

nlohmann::json action_json(const std::string& base, const store::PlanActionRow& a,
                           const std::vector<programmes::GridFamily>& families) {
    return {{"id", a.id},
            {"title", a.title},
            {"description", a.description},
            {"kind", kind_label(a.kind)},
            {"years", years_text(a.years)},
            {"families", labels_of(families, a.families)},
            {"providers", a.providers},
            {"field_support", supports_of(a.field_support)},
            {"status", status_label(a.status)},
            {"status_badge", status_badge(a.status)},
            {"progress", a.progress},
            {"updated", paris_time::long_date(a.updated_at)},
            {"link", base + "/plan/actions/" + std::to_string(a.id)}};
}

nlohmann::json page_head(const store::ProgrammeRow& p, const store::ProgrammeTerritoryRow& t) {
    return {{"programme", {{"slug", p.slug}, {"title", p.title}}},
            {"territory", {{"id", t.id}, {"label", t.label}, {"demo", t.demo}, {"path", territory_path(p.slug, t.id)}}}};
}

Response failure_page(const App& app, Visitor& visitor, const Failure& f, const std::string& title) {
    return app.error_page(visitor, http_status(f), title, f.message);
}

// The action form (new or edit): stored values, or what was typed when it comes back.
Response action_form_page(const App& app, Visitor& visitor, const services::PlanView& plan,
                          const store::PlanActionRow& stored, const FormFields* typed,
                          const std::map<std::string, std::string>& errors, const std::string& summary, int status) {
    const std::string base = territory_path(plan.programme.slug, plan.territory.id);
    auto shown = [&](const std::string& name, const std::string& value) { return typed ? field(*typed, name) : value; };
    auto checked = [&](const std::string& name, const std::string& codes, const std::string& code) {
        if (typed) return !field(*typed, name).empty();
        for (const auto& c : programmes::split_codes(codes))
            if (c == code) return true;
        return false;
    };
    const auto kind = shown("kind", stored.kind.empty() ? "formation" : stored.kind);
    nlohmann::json kind_options = nlohmann::json::array();
    for (auto k : kinds)
        kind_options.push_back({{"value", programmes::action_kind_code(k)},
                                {"label", programmes::action_kind_label(k)},
                                {"checked", kind == programmes::action_kind_code(k)}});
    nlohmann::json years = nlohmann::json::array();
    for (int y = 1; y <= 3; ++y)
        years.push_back({{"value", y}, {"name", "year_" + std::to_string(y)},
                         {"checked", checked("year_" + std::to_string(y), stored.years, std::to_string(y))}});
    nlohmann::json families = nlohmann::json::array();
    for (const auto& f : plan.families)
        families.push_back({{"code", f.code}, {"title", f.title}, {"name", "family_" + f.code},
                            {"checked", checked("family_" + f.code, stored.families, f.code)}});
    nlohmann::json support = nlohmann::json::array();
    for (auto s : supports) {
        const std::string code = programmes::field_support_code(s);
        support.push_back({{"code", code}, {"label", programmes::field_support_label(s)}, {"name", "support_" + code},
                           {"checked", checked("support_" + code, stored.field_support, code)}});
    }
    auto data = page_head(plan.programme, plan.territory);
    const bool is_new = stored.id == 0;
    data["title"] = (is_new ? "Nouvelle action – " : "Modifier l’action – ") + plan.territory.label;
    data["heading"] = is_new ? "Nouvelle action du plan" : "Modifier l’action";
    data["action"] = is_new ? base + "/plan/actions" : base + "/plan/actions/" + std::to_string(stored.id) + "/modifier";
    data["back"] = is_new ? base + "/plan" : base + "/plan/actions/" + std::to_string(stored.id);
    data["values"] = {{"title", shown("title", stored.title)},
                      {"description", shown("description", stored.description)},
                      {"providers", shown("providers", stored.providers)}};
    data["kinds"] = kind_options;
    data["years"] = years;
    data["families"] = families;
    data["supports"] = support;
    data["errors"] = form_errors_view(summary, errors);
    return render_page(app, visitor, "programmes/action_form", data, status);
}

services::PlanActionInput action_input(const FormFields& form, const std::vector<programmes::GridFamily>& families) {
    services::PlanActionInput in;
    in.title = field(form, "title");
    in.description = field(form, "description");
    in.kind = field(form, "kind");
    in.providers = field(form, "providers");
    for (int y = 1; y <= 3; ++y)
        if (!field(form, "year_" + std::to_string(y)).empty()) in.years.push_back(y);
    for (const auto& f : families)
        if (!field(form, "family_" + f.code).empty()) in.families.push_back(f.code);
    for (auto s : supports)
        if (!field(form, std::string("support_") + programmes::field_support_code(s)).empty())
            in.field_support.push_back(programmes::field_support_code(s));
    return in;
}

Response save_action(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug,
                     long long territory_id, long long action_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base + "/plan");
    auto plan = services::open_plan(app.db(), user_of(visitor), slug, territory_id);
    if (!plan) return failure_page(app, visitor, plan.failure(), "Plan indisponible");
    auto in = action_input(form, plan->families);
    in.id = action_id;
    auto saved = services::save_plan_action(app.db(), user_of(visitor), slug, territory_id, in);
    if (saved) return redirect_to(base + "/plan/actions/" + std::to_string(saved.value()) + "?message=enregistree");
    const auto& f = saved.failure();
    if (f.kind != FailureKind::invalid) return failure_page(app, visitor, f, "Action non enregistrée");
    store::PlanActionRow stored;
    stored.id = action_id;
    return action_form_page(app, visitor, plan.value(), stored, &form, f.fields, f.message, http_status(f));
}

}  // namespace

Response plan_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long territory_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base + "/plan");
    auto plan = services::open_plan(app.db(), user_of(visitor), slug, territory_id);
    if (!plan) return failure_page(app, visitor, plan.failure(), "Plan indisponible");
    const auto& v = plan.value();
    nlohmann::json groups = nlohmann::json::array();
    for (auto k : kinds) {
        nlohmann::json actions = nlohmann::json::array();
        for (const auto& a : v.actions)
            if (a.kind == programmes::action_kind_code(k)) actions.push_back(action_json(base, a, v.families));
        groups.push_back({{"label", programmes::action_kind_label(k)}, {"actions", actions},
                          {"count", actions.size()}, {"empty", actions.empty()}});
    }
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : v.changes)
        changes.push_back({{"title", c.title},
                           {"kind", c.kind == programmes::ChangeKind::added     ? "Ajoutée"
                                    : c.kind == programmes::ChangeKind::dropped ? "Retirée"
                                                                                : "Modifiée"}});
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& ver : v.versions)
        versions.push_back({{"number", ver.number},
                            {"adopted", ver.status == "adopted"},
                            {"date", ver.adopted_at ? paris_time::long_date(*ver.adopted_at) : paris_time::long_date(ver.created_at)}});
    auto data = page_head(v.programme, v.territory);
    data["title"] = "Plan d’accompagnement – " + v.territory.label;
    data["groups"] = groups;
    data["has_actions"] = !v.actions.empty();
    data["changes"] = changes;
    data["has_changes"] = !changes.empty();
    data["versions"] = versions;
    data["adopted"] = v.adopted ? nlohmann::json{{"number", v.adopted->number},
                                                 {"date", paris_time::long_date(v.adopted->adopted_at.value_or(0))}}
                                : nlohmann::json(false);
    data["draft"] = v.draft ? nlohmann::json{{"number", v.draft->number}} : nlohmann::json(false);
    data["can_edit"] = v.can_edit;
    data["can_adopt"] = v.can_adopt && v.draft && !v.actions.empty();
    const auto message = req.query_param("message");
    data["notice"] = message == "adopte"    ? "Plan adopté."
                     : message == "importe" ? "Import terminé : " + req.query_param("n") + " ligne(s) enregistrée(s)."
                                            : "";
    data["problem"] = req.query_param("probleme");
    return render_page(app, visitor, "programmes/plan", data);
}

Response plan_adopt(const App& app, const Request&, Visitor& visitor, const std::string& slug, long long territory_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base + "/plan");
    auto adopted = services::adopt_plan(app.db(), user_of(visitor), slug, territory_id);
    if (adopted) return redirect_to(base + "/plan?message=adopte");
    const auto& f = adopted.failure();
    if (f.kind == FailureKind::forbidden || f.kind == FailureKind::not_found || f.kind == FailureKind::technical)
        return failure_page(app, visitor, f, "Plan non adopté");
    return redirect_to(base + "/plan?probleme=" + url_encode(f.message));
}

Response plan_action_new(const App& app, const Request&, Visitor& visitor, const std::string& slug,
                         long long territory_id) {
    if (!visitor.user) return login_first(territory_path(slug, territory_id) + "/plan/actions/nouvelle");
    auto plan = services::open_plan(app.db(), user_of(visitor), slug, territory_id);
    if (!plan) return failure_page(app, visitor, plan.failure(), "Plan indisponible");
    if (!plan->can_edit)
        return app.error_page(visitor, 403, "Action non modifiable",
                              "Le plan est modifié par l’équipe du territoire, ses prestataires et l’ANCT.");
    return action_form_page(app, visitor, plan.value(), {}, nullptr, {}, "", 200);
}

Response plan_action_create(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                            const std::string& slug, long long territory_id) {
    return save_action(app, visitor, form, slug, territory_id, 0);
}

Response plan_action_edit(const App& app, const Request&, Visitor& visitor, const std::string& slug,
                          long long territory_id, long long action_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base + "/plan/actions/" + std::to_string(action_id) + "/modifier");
    auto plan = services::open_plan(app.db(), user_of(visitor), slug, territory_id);
    if (!plan) return failure_page(app, visitor, plan.failure(), "Plan indisponible");
    for (const auto& a : plan->actions)
        if (a.id == action_id) return action_form_page(app, visitor, plan.value(), a, nullptr, {}, "", 200);
    return app.error_page(visitor, 404, "Action introuvable", "Action introuvable dans ce plan.");
}

Response plan_action_update(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                            const std::string& slug, long long territory_id, long long action_id) {
    return save_action(app, visitor, form, slug, territory_id, action_id);
}

namespace {

Response action_page(const App& app, Visitor& visitor, const services::PlanActionView& v, const FormFields* typed,
                     const Failure* problem, const std::string& notice, const Failure* flagship_problem = nullptr) {
    const std::string base = territory_path(v.programme.slug, v.territory.id);
    auto data = page_head(v.programme, v.territory);
    data["title"] = v.action.title + " – " + v.territory.label;
    data["action"] = action_json(base, v.action, v.families);
    const std::string chosen = typed ? field(*typed, "status") : v.action.status;
    nlohmann::json statuses = nlohmann::json::array();
    statuses.push_back({{"value", v.action.status},
                        {"label", status_label(v.action.status) + " (inchangé)"},
                        {"selected", chosen == v.action.status}});
    for (auto s : v.next_statuses)
        statuses.push_back({{"value", programmes::status_code(s)},
                            {"label", programmes::status_label(s)},
                            {"selected", chosen == programmes::status_code(s)}});
    data["statuses"] = statuses;
    data["follow_up"] = {{"progress", typed ? field(*typed, "progress") : std::to_string(v.action.progress)},
                         {"comment", typed ? field(*typed, "comment") : ""},
                         {"post", base + "/plan/actions/" + std::to_string(v.action.id) + "/suivi"}};
    std::map<std::string, std::string> errors;
    if (problem) errors[problem->field.empty() ? "comment" : problem->field] = problem->message;
    data["errors"] = form_errors_view(problem ? "Le suivi n’est pas encore enregistré : corrigez le champ signalé." : "",
                                      errors);
    nlohmann::json history = nlohmann::json::array();
    for (const auto& f : v.follow_ups) {
        nlohmann::json changes = nlohmann::json::array();
        if (f.status_before != f.status_after)
            changes.push_back("Statut : " + status_label(f.status_before) + " → " + status_label(f.status_after));
        if (f.progress_before != f.progress_after)
            changes.push_back("Avancement : " + std::to_string(f.progress_before) + " % → " +
                              std::to_string(f.progress_after) + " %");
        history.push_back({{"who", f.author_name.empty() ? "Compte supprimé" : f.author_name},
                           {"when", paris_time::long_date(f.created_at) + " à " + paris_time::time_of_day(f.created_at)},
                           {"changes", changes},
                           {"comment", f.comment}});
    }
    data["history"] = history;
    data["has_history"] = !history.empty();
    data["can_edit"] = v.can_edit;
    data["edit_link"] = base + "/plan/actions/" + std::to_string(v.action.id) + "/modifier";
    data["notice"] = notice;
    data["flagship"] = flagship_view(app, v, flagship_problem ? flagship_problem->message : "");
    const int status = problem ? http_status(*problem) : flagship_problem ? http_status(*flagship_problem) : 200;
    return render_page(app, visitor, "programmes/action", data, status);
}

}  // namespace

Response plan_action_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                          long long territory_id, long long action_id) {
    if (!visitor.user) return login_first(territory_path(slug, territory_id) + "/plan/actions/" + std::to_string(action_id));
    auto v = services::open_plan_action(app.db(), user_of(visitor), slug, territory_id, action_id);
    if (!v) return failure_page(app, visitor, v.failure(), "Action indisponible");
    const auto message = req.query_param("message");
    const std::string notice = message == "enregistree" ? "Action enregistrée."
                               : message == "suivi"     ? "Suivi enregistré."
                               : message == "projet"    ? "Le projet porte désormais cette action."
                                                        : "";
    return action_page(app, visitor, v.value(), nullptr, nullptr, notice);
}

Response plan_follow_up(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                        const std::string& slug, long long territory_id, long long action_id) {
    const std::string back = territory_path(slug, territory_id) + "/plan/actions/" + std::to_string(action_id);
    if (!visitor.user) return login_first(back);
    auto v = services::open_plan_action(app.db(), user_of(visitor), slug, territory_id, action_id);
    if (!v) return failure_page(app, visitor, v.failure(), "Action indisponible");
    services::FollowUpInput in;
    in.status = field(form, "status");
    in.comment = field(form, "comment");
    const auto progress = text::parse_bounded_integer(text::trim(field(form, "progress")), 0, 100);
    if (!progress) {
        Failure bad = fail("L’avancement est un nombre entier de 0 à 100.", "progress", FailureKind::invalid);
        return action_page(app, visitor, v.value(), &form, &bad, "");
    }
    in.progress = static_cast<int>(*progress);
    auto saved = services::record_follow_up(app.db(), user_of(visitor), slug, territory_id, action_id, in);
    if (saved) return redirect_to(back + "?message=suivi");
    const auto& f = saved.failure();
    if (f.kind != FailureKind::invalid) return failure_page(app, visitor, f, "Suivi non enregistré");
    return action_page(app, visitor, v.value(), &form, &f, "");
}

// "nouveau" starts the project; a project's id attaches it.
Response plan_action_project(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                             const std::string& slug, long long territory_id, long long action_id) {
    const std::string back = territory_path(slug, territory_id) + "/plan/actions/" + std::to_string(action_id);
    if (!visitor.user) return login_first(back);
    const auto choice = field(form, "projet");
    Status done = Done{};
    if (choice == "nouveau") {
        auto started = services::start_action_project(app.db(), user_of(visitor), slug, territory_id, action_id);
        if (started) return redirect_to("/projets/" + std::to_string(started.value()) + "?message=phare");
        done = started.failure();
    } else if (const auto project = path_id(choice)) {
        done = services::attach_action_project(app.db(), user_of(visitor), slug, territory_id, action_id, *project);
        if (done) return redirect_to(back + "?message=projet");
    } else {
        done = fail("Choisissez de créer le projet ou d’en rattacher un.", "projet", FailureKind::invalid);
    }
    const auto& f = done.failure();
    if (f.kind != FailureKind::invalid && f.kind != FailureKind::conflict)
        return failure_page(app, visitor, f, "Projet non relié");
    auto v = services::open_plan_action(app.db(), user_of(visitor), slug, territory_id, action_id);
    if (!v) return failure_page(app, visitor, v.failure(), "Action indisponible");
    return action_page(app, visitor, v.value(), nullptr, nullptr, "", &f);
}

}  // namespace ateliers::web::programmes_pages
