#include "features/projects/services/actors_service.hpp"

#include "features/projects/services/projects_service.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

Failure missing() { return fail("Projet introuvable.", {}, FailureKind::not_found); }
Failure actor_missing() { return fail("Cet acteur n’existe pas ou plus dans ce projet.", {}, FailureKind::not_found); }
Failure not_team() {
    return fail("Seule l’équipe du territoire modifie la carte des acteurs de ce projet.", {}, FailureKind::forbidden);
}

Failure invalid_fields(const std::map<std::string, std::string>& errors) {
    Failure f = fail(errors.begin()->second, errors.begin()->first, FailureKind::invalid);
    f.fields = errors;
    return f;
}

// Checks every field; the row on success, all the messages otherwise.
Result<store::ActorRow> checked(const ActorInput& in, long long project_id) {
    std::map<std::string, std::string> errors;
    store::ActorRow a;
    a.project_id = project_id;
    a.name = text::trim(in.name);
    if (a.name.empty()) errors["name"] = "Donnez le nom de l’acteur (une personne ou une organisation).";
    else if (text::length_in_chars(a.name) > projects::max_actor_name_chars)
        errors["name"] = "Le nom ne peut dépasser " + std::to_string(projects::max_actor_name_chars) + " caractères.";
    if (in.kind != "person" && in.kind != "organisation") errors["kind"] = "Précisez s’il s’agit d’une personne ou d’une organisation.";
    a.kind = in.kind;
    if (auto c = projects::parse_category(in.category)) a.category = projects::category_name(*c);
    else errors["category"] = "Choisissez la catégorie de l’acteur.";
    if (auto r = projects::parse_actant(in.actant)) a.actant = projects::actant_name(*r);
    else errors["actant"] = "Choisissez un rôle du schéma actantiel, ou « sans rôle défini ».";
    auto influence = text::parse_bounded_integer(in.influence, 1, 3);
    if (!influence) errors["influence"] = "L’influence se note de 1 (faible) à 3 (forte).";
    a.influence = static_cast<int>(influence.value_or(1));
    auto interest = text::parse_bounded_integer(in.interest, 1, 3);
    if (!interest) errors["interest"] = "L’intérêt se note de 1 (faible) à 3 (fort).";
    a.interest = static_cast<int>(interest.value_or(1));
    if (auto s = projects::parse_stance(in.stance)) a.stance = projects::stance_name(*s);
    else errors["stance"] = "Choisissez la position de l’acteur vis-à-vis du projet.";
    a.notes = in.notes;
    if (text::length_in_chars(a.notes) > projects::max_actor_notes_chars)
        errors["notes"] = "Les notes ne peuvent dépasser " + std::to_string(projects::max_actor_notes_chars) +
                          " caractères : raccourcissez-les (votre texte est conservé).";
    if (!text::is_valid_utf8(a.name) || !text::is_valid_utf8(a.notes)) errors["name"] = "Le texte envoyé n’est pas lisible (UTF-8).";
    if (!errors.empty()) return invalid_fields(errors);
    return a;
}

// Opens the project, checks the team's right; nullopt when all is well.
std::optional<Failure> team_only(soci::session& sql, const CurrentUser* user, long long project_id) {
    if (!store::find_project(sql, project_id)) return missing();
    if (user && !projects::can_write(viewer_on(sql, *user, project_id))) return not_team();
    return std::nullopt;
}

std::string target(long long project_id) { return "project:" + std::to_string(project_id); }

}  // namespace

Result<long long> add_project_actor(store::Database& db, const CurrentUser* actor, long long project_id, const ActorInput& in) {
    auto row = checked(in, project_id);
    if (!row) return row.failure();
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (auto f = team_only(sql, actor, project_id)) return *f;
        const auto id = store::insert_actor(sql, row.value(), store::now_utc_seconds());
        record_audit(sql, actor ? actor->id : 0, "project.actor", target(project_id), "Acteur ajouté : " + row.value().name);
        return id;
    });
}

Status update_project_actor(store::Database& db, const CurrentUser& user, long long project_id, long long actor_id,
                            const ActorInput& in) {
    auto row = checked(in, project_id);
    if (!row) return row.failure();
    row.value().id = actor_id;
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (auto f = team_only(sql, &user, project_id)) return *f;
        if (!store::find_actor(sql, project_id, actor_id)) return actor_missing();
        store::update_actor(sql, row.value());
        return Done{};
    });
}

Status remove_project_actor(store::Database& db, const CurrentUser& user, long long project_id, long long actor_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (auto f = team_only(sql, &user, project_id)) return *f;
        auto a = store::find_actor(sql, project_id, actor_id);
        if (!a) return actor_missing();
        store::delete_actor(sql, actor_id);
        record_audit(sql, user.id, "project.actor", target(project_id), "Acteur retiré : " + a->name);
        return Done{};
    });
}

Status move_project_actor(store::Database& db, const CurrentUser& user, long long project_id, long long actor_id,
                          const std::string& x, const std::string& y) {
    std::optional<int> px, py;
    if (!x.empty() || !y.empty()) {
        auto vx = text::parse_bounded_integer(x, 0, max_map_coordinate);
        auto vy = text::parse_bounded_integer(y, 0, max_map_coordinate);
        if (!vx || !vy) return fail("La position doit être deux nombres entiers positifs.", "x", FailureKind::invalid);
        px = static_cast<int>(*vx);
        py = static_cast<int>(*vy);
    }
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (auto f = team_only(sql, &user, project_id)) return *f;
        if (!store::find_actor(sql, project_id, actor_id)) return actor_missing();
        store::move_actor(sql, actor_id, px, py);
        return Done{};
    });
}

Result<long long> add_project_actor_link(store::Database& db, const CurrentUser* actor, long long project_id,
                                         const ActorLinkInput& in) {
    std::map<std::string, std::string> errors;
    store::ActorLinkRow l;
    l.project_id = project_id;
    auto from = text::parse_bounded_integer(in.from, 1, 1'000'000'000'000LL);
    auto to = text::parse_bounded_integer(in.to, 1, 1'000'000'000'000LL);
    if (!from) errors["from"] = "Choisissez l’acteur d’où part le lien.";
    if (!to) errors["to"] = "Choisissez l’acteur vers lequel va le lien.";
    if (from && to && *from == *to) errors["to"] = "Un lien relie deux acteurs différents.";
    auto kind = projects::parse_link_kind(in.kind);
    if (!kind) errors["kind"] = "Choisissez le type de lien : influence ou chaîne des actions.";
    if (kind == projects::LinkKind::action) {
        auto step = text::parse_bounded_integer(in.step, 0, projects::max_link_step);
        if (!step) errors["step"] = "Donnez l’ordre de l’action : 0, 1, 2… (jusqu’à " + std::to_string(projects::max_link_step) + ").";
        else l.step = static_cast<int>(*step);
    } else if (!in.step.empty()) {
        errors["step"] = "L’ordre ne s’applique qu’à la chaîne des actions.";
    }
    l.label = text::trim(in.label);
    if (text::length_in_chars(l.label) > 200) errors["label"] = "Le libellé du lien ne peut dépasser 200 caractères.";
    if (!errors.empty()) return invalid_fields(errors);
    l.from_actor = *from;
    l.to_actor = *to;
    l.kind = projects::link_kind_name(*kind);
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (auto f = team_only(sql, actor, project_id)) return *f;
        if (!store::find_actor(sql, project_id, l.from_actor) || !store::find_actor(sql, project_id, l.to_actor))
            return fail("Les deux acteurs du lien doivent appartenir à ce projet.", "from", FailureKind::invalid);
        return store::insert_actor_link(sql, l, store::now_utc_seconds());
    });
}

Status remove_project_actor_link(store::Database& db, const CurrentUser& user, long long project_id, long long link_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (auto f = team_only(sql, &user, project_id)) return *f;
        if (!store::actor_link_exists(sql, project_id, link_id))
            return fail("Ce lien n’existe pas ou plus.", {}, FailureKind::not_found);
        store::delete_actor_link(sql, project_id, link_id);
        return Done{};
    });
}

projects::MapLayout layout_of(const std::vector<store::ActorRow>& actors, const std::vector<store::ActorLinkRow>& links) {
    std::vector<projects::MapActor> a;
    a.reserve(actors.size());
    for (const auto& r : actors) a.push_back({r.id, projects::parse_actant(r.actant).value_or(projects::Actant::none), r.x, r.y});
    std::vector<projects::MapLink> l;
    l.reserve(links.size());
    for (const auto& r : links) l.push_back({r.id, r.from_actor, r.to_actor});
    return projects::layout_actor_map(a, l);
}

Result<ActorMapView> project_actor_map(store::Database& db, const CurrentUser& user, long long project_id) {
    return store::in_transaction<ActorMapView>(db, [&](soci::session& sql) -> Result<ActorMapView> {
        auto project = store::find_project(sql, project_id);
        if (!project) return missing();
        ActorMapView v;
        v.viewer = viewer_on(sql, user, project_id);
        if (!projects::can_view(v.viewer, project->territory_id))
            return fail("Vous n’avez pas accès à ce projet.", {}, FailureKind::forbidden);
        v.project = *project;
        v.actors = store::project_actors(sql, project_id);
        v.links = store::project_actor_links(sql, project_id);
        std::vector<projects::ActorCategory> present;
        for (const auto& a : v.actors)
            if (auto c = projects::parse_category(a.category)) present.push_back(*c);
        v.missing = projects::missing_fantastiques(present);
        v.layout = layout_of(v.actors, v.links);
        return v;
    });
}

}  // namespace ateliers::services
