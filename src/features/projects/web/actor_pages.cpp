// /projets/ID/acteurs: the stakeholder map (SVG), its tables and the forms that edit it
// without JavaScript; the drag script posts to …/acteurs/AID/position.
#include <nlohmann/json.hpp>

#include "features/projects/services/actors_service.hpp"
#include "features/projects/web/actor_map_svg.hpp"
#include "features/projects/web/project_pages.hpp"
#include "features/projects/web/project_views.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::project_pages {

namespace {

namespace pj = projects;

std::string actors_base(long long id) { return "/projets/" + std::to_string(id) + "/acteurs"; }

nlohmann::json options(const std::vector<std::pair<std::string, std::string>>& all, const std::string& selected) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, label] : all) out.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
    return out;
}

nlohmann::json errors_view(const std::map<std::string, std::string>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [f, m] : errors) list.push_back({{"field", f}, {"message", m}});
    return {{"has_summary", !errors.empty()}, {"list", list}, {"by_field", errors}};
}

std::map<std::string, std::string> errors_of(const Failure& f) {
    if (!f.fields.empty()) return f.fields;
    return {{f.field.empty() ? "name" : f.field, f.message}};
}

services::ActorInput input_of(const FormFields& form) {
    return {field(form, "name"),     field(form, "kind"),   field(form, "category"), field(form, "actant"),
            field(form, "influence"), field(form, "interest"), field(form, "stance"),   field(form, "notes")};
}

std::string actor_form(const App& app, const Visitor& visitor, const std::string& action, const services::ActorInput& v,
                       const std::map<std::string, std::string>& errors, const std::string& button) {
    std::vector<std::pair<std::string, std::string>> categories, actants, stances;
    for (auto c : pj::all_categories()) categories.emplace_back(pj::category_name(c), pj::category_label(c));
    for (auto a : pj::all_actants()) actants.emplace_back(pj::actant_name(a), pj::actant_label(a));
    for (auto s : pj::all_stances()) stances.emplace_back(pj::stance_name(s), pj::stance_label(s));
    const std::vector<std::pair<std::string, std::string>> levels{{"1", "1 – faible"}, {"2", "2 – moyen"}, {"3", "3 – fort"}};
    return app.fragment("projects/actor_form",
                        {{"action", action},
                         {"csrf_token", visitor.csrf_token()},
                         {"button", button},
                         {"values", {{"name", v.name}, {"notes", v.notes}}},
                         {"kinds", options({{"organisation", "Une organisation"}, {"person", "Une personne"}}, v.kind)},
                         {"categories", options(categories, v.category)},
                         {"actants", options(actants, v.actant)},
                         {"influence", options(levels, v.influence)},
                         {"interest", options(levels, v.interest)},
                         {"stances", options(stances, v.stance)},
                         {"errors", errors_view(errors)}});
}

struct Typed {
    services::ActorInput actor{"", "organisation", "elu", "", "2", "2", "neutre", ""};
    std::map<std::string, std::string> actor_errors;
    services::ActorLinkInput link{"", "", "influence", "", ""};
    std::map<std::string, std::string> link_errors;
    std::string error;
};

Response render_map(const App& app, Visitor& visitor, long long id, const Typed& typed, const std::string& notice, int status) {
    auto map = services::project_actor_map(app.db(), *visitor.user, id);
    if (!map) return failure_page(app, visitor, map.failure());
    const auto& m = map.value();
    const bool write = pj::can_write(m.viewer);
    std::map<long long, std::string> names;
    nlohmann::json actors = nlohmann::json::array();
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& a : m.actors) {
        names[a.id] = a.name;
        choices.emplace_back(std::to_string(a.id), a.name);
        const auto category = pj::parse_category(a.category).value_or(pj::ActorCategory::autre);
        actors.push_back({{"id", a.id},
                          {"name", a.name},
                          {"kind", a.kind == "person" ? "Personne" : "Organisation"},
                          {"category", pj::category_label(category)},
                          {"fantastique", pj::is_fantastique(category)},
                          {"actant", pj::actant_label(pj::parse_actant(a.actant).value_or(pj::Actant::none))},
                          {"influence", a.influence},
                          {"interest", a.interest},
                          {"stance", pj::stance_label(pj::parse_stance(a.stance).value_or(pj::Stance::neutre))},
                          {"notes", paragraphs(a.notes)}});
    }
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : m.links) {
        const auto kind = pj::parse_link_kind(l.kind).value_or(pj::LinkKind::influence);
        links.push_back({{"id", l.id},
                         {"from", names[l.from_actor]},
                         {"to", names[l.to_actor]},
                         {"kind", pj::link_kind_label(kind)},
                         {"step", l.step ? nlohmann::json(*l.step) : nlohmann::json("")},
                         {"label", l.label}});
    }
    std::string missing;
    for (auto c : m.missing) missing += (missing.empty() ? "" : ", ") + pj::category_label(c);
    nlohmann::json legend = nlohmann::json::array();
    for (auto a : pj::all_actants())
        if (a != pj::Actant::none) legend.push_back({{"label", pj::actant_label(a)}, {"definition", pj::actant_definition(a)}});
    std::vector<std::pair<std::string, std::string>> kinds{{"influence", pj::link_kind_label(pj::LinkKind::influence)},
                                                           {"action", pj::link_kind_label(pj::LinkKind::action)}};
    const auto base = actors_base(id);
    nlohmann::json data{
        {"title", "Acteurs – " + m.project.title},
        {"project", {{"id", m.project.id}, {"title", m.project.title}, {"territory", m.project.territory_name}, {"demo", m.project.demo}}},
        {"has_missing", !m.missing.empty()},
        {"missing_count", m.missing.size()},
        {"missing_text", missing},
        {"has_actors", !m.actors.empty()},
        {"svg", m.actors.empty() ? std::string() : actor_map_svg(m, write ? base + "/{id}/position" : "", write ? visitor.csrf_token() : "")},
        {"has_links", !links.empty()},
        {"actors", std::move(actors)},  // moved, not copied: 200 and 600 rows
        {"links", std::move(links)},
        {"legend", legend},
        {"write", write},
        {"can_link", write && m.actors.size() >= 2},
        {"actor_form", write ? actor_form(app, visitor, base, typed.actor, typed.actor_errors, "Ajouter l’acteur") : ""},
        {"link_from", options(choices, typed.link.from)},
        {"link_to", options(choices, typed.link.to)},
        {"link_kinds", options(kinds, typed.link.kind)},
        {"link_values", {{"step", typed.link.step}, {"label", typed.link.label}}},
        {"link_errors", errors_view(typed.link_errors)}};
    if (!notice.empty()) data["notice"] = notice;
    if (!typed.error.empty()) data["error"] = typed.error;
    return app.page(visitor, "projects/actors", std::move(data), status);  // no copy of the SVG and tables
}

bool page_failure(const Failure& f) { return f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden; }

}  // namespace

Response actors_page(const App& app, const Request& req, Visitor& visitor, long long id) {
    const auto m = req.query_param("message");
    std::string notice;
    if (m == "acteur") notice = "L’acteur est enregistré.";
    if (m == "retire") notice = "L’acteur et ses liens sont retirés.";
    if (m == "lien") notice = "Le lien est enregistré.";
    if (m == "lien-retire") notice = "Le lien est retiré.";
    if (m == "place") notice = "L’acteur est replacé.";
    return render_map(app, visitor, id, {}, notice, 200);
}

Response actor_create_submit(const App& app, Visitor& visitor, const FormFields& form, long long id) {
    const auto in = input_of(form);
    auto added = services::add_project_actor(app.db(), &*visitor.user, id, in);
    if (added) return redirect_to(actors_base(id) + "?message=acteur#ajouter");
    if (page_failure(added.failure())) return failure_page(app, visitor, added.failure());
    Typed typed;
    typed.actor = in;
    typed.actor_errors = errors_of(added.failure());
    return render_map(app, visitor, id, typed, "", http_status(added.failure()));
}

Response actor_edit_page(const App& app, Visitor& visitor, long long id, long long actor_id, const services::ActorInput* typed,
                         const std::map<std::string, std::string>& errors, int status) {
    auto map = services::project_actor_map(app.db(), *visitor.user, id);
    if (!map) return failure_page(app, visitor, map.failure());
    const auto& m = map.value();
    if (!pj::can_write(m.viewer))
        return app.error_page(visitor, 403, "Accès refusé", "Seule l’équipe du territoire modifie la carte des acteurs de ce projet.");
    const store::ActorRow* actor = nullptr;
    for (const auto& a : m.actors)
        if (a.id == actor_id) actor = &a;
    if (!actor) return app.error_page(visitor, 404, "Introuvable", "Cet acteur n’existe pas ou plus dans ce projet.");
    services::ActorInput values = typed ? *typed
                                        : services::ActorInput{actor->name, actor->kind, actor->category, actor->actant,
                                                               std::to_string(actor->influence), std::to_string(actor->interest),
                                                               actor->stance, actor->notes};
    return app.page(visitor, "projects/actor",
                    {{"title", actor->name + " – Acteurs"},
                     {"project", {{"id", m.project.id}, {"title", m.project.title}}},
                     {"id", actor_id},
                     {"name", actor->name},
                     {"dragged", actor->x.has_value()},
                     {"actor_form", actor_form(app, visitor, actors_base(id) + "/" + std::to_string(actor_id), values, errors,
                                               "Enregistrer les modifications")}},
                    status);
}

Response actor_update_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, long long actor_id) {
    const auto in = input_of(form);
    auto updated = services::update_project_actor(app.db(), *visitor.user, id, actor_id, in);
    if (updated) return redirect_to(actors_base(id) + "?message=acteur");
    if (page_failure(updated.failure())) return failure_page(app, visitor, updated.failure());
    return actor_edit_page(app, visitor, id, actor_id, &in, errors_of(updated.failure()), http_status(updated.failure()));
}

Response actor_delete_submit(const App& app, Visitor& visitor, long long id, long long actor_id) {
    auto removed = services::remove_project_actor(app.db(), *visitor.user, id, actor_id);
    if (!removed) return failure_page(app, visitor, removed.failure());
    return redirect_to(actors_base(id) + "?message=retire");
}

Response actor_move_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, long long actor_id) {
    auto moved = services::move_project_actor(app.db(), *visitor.user, id, actor_id, field(form, "x"), field(form, "y"));
    if (!moved) return failure_page(app, visitor, moved.failure());
    return redirect_to(actors_base(id) + "?message=place");
}

Response link_create_submit(const App& app, Visitor& visitor, const FormFields& form, long long id) {
    services::ActorLinkInput in{field(form, "from"), field(form, "to"), field(form, "kind"), field(form, "step"), field(form, "label")};
    auto added = services::add_project_actor_link(app.db(), &*visitor.user, id, in);
    if (added) return redirect_to(actors_base(id) + "?message=lien#lien");
    if (page_failure(added.failure())) return failure_page(app, visitor, added.failure());
    Typed typed;
    typed.link = in;
    typed.link_errors = errors_of(added.failure());
    return render_map(app, visitor, id, typed, "", http_status(added.failure()));
}

Response link_delete_submit(const App& app, Visitor& visitor, long long id, long long link_id) {
    auto removed = services::remove_project_actor_link(app.db(), *visitor.user, id, link_id);
    if (!removed) return failure_page(app, visitor, removed.failure());
    return redirect_to(actors_base(id) + "?message=lien-retire#lien");
}

}  // namespace ateliers::web::project_pages
