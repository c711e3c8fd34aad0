#include "features/projects/store/actors.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* actor_columns =
    "SELECT id, project_id, name, kind, category, actant, influence, interest, stance, notes, x, y FROM project_actors ";

std::optional<int> optional_int(const soci::row& r, const char* column) {
    auto v = as_optional_int(r, column);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

ActorRow actor_from(const soci::row& r) {
    ActorRow a;
    a.id = as_int(r, "id");
    a.project_id = as_int(r, "project_id");
    a.name = as_text(r, "name");
    a.kind = as_text(r, "kind");
    a.category = as_text(r, "category");
    a.actant = as_text(r, "actant");
    a.influence = static_cast<int>(as_int(r, "influence"));
    a.interest = static_cast<int>(as_int(r, "interest"));
    a.stance = as_text(r, "stance");
    a.notes = as_text(r, "notes");
    a.x = optional_int(r, "x");
    a.y = optional_int(r, "y");
    return a;
}

}  // namespace

long long insert_actor(soci::session& sql, const ActorRow& a, long long now) {
    long long id = 0;
    execute(sql,
            "INSERT INTO project_actors (project_id, name, kind, category, actant, influence, interest, stance, notes, "
            "created_at) VALUES (:p, :n, :k, :c, :a, :inf, :int, :s, :notes, :now) RETURNING id",
            soci::use(a.project_id), soci::use(a.name), soci::use(a.kind), soci::use(a.category), soci::use(a.actant),
            soci::use(a.influence), soci::use(a.interest), soci::use(a.stance), soci::use(a.notes), soci::use(now),
            soci::into(id));
    return id;
}

void update_actor(soci::session& sql, const ActorRow& a) {
    execute(sql,
            "UPDATE project_actors SET name = :n, kind = :k, category = :c, actant = :a, influence = :inf, interest = :int, "
            "stance = :s, notes = :notes WHERE id = :id AND project_id = :p",
            soci::use(a.name), soci::use(a.kind), soci::use(a.category), soci::use(a.actant), soci::use(a.influence),
            soci::use(a.interest), soci::use(a.stance), soci::use(a.notes), soci::use(a.id), soci::use(a.project_id));
}

void move_actor(soci::session& sql, long long actor_id, std::optional<int> x, std::optional<int> y) {
    int xv = x.value_or(0), yv = y.value_or(0);
    soci::indicator xi = x ? soci::i_ok : soci::i_null, yi = y ? soci::i_ok : soci::i_null;
    execute(sql, "UPDATE project_actors SET x = :x, y = :y WHERE id = :id", soci::use(xv, xi), soci::use(yv, yi),
            soci::use(actor_id));
}

void delete_actor(soci::session& sql, long long actor_id) {
    // Links first: SQLite enforces the cascade only with foreign keys on; be explicit.
    execute(sql, "DELETE FROM project_actor_links WHERE from_actor = :a OR to_actor = :b", soci::use(actor_id),
            soci::use(actor_id));
    execute(sql, "DELETE FROM project_actors WHERE id = :id", soci::use(actor_id));
}

std::optional<ActorRow> find_actor(soci::session& sql, long long project_id, long long actor_id) {
    std::optional<ActorRow> out;
    for_each_row(sql, std::string(actor_columns) + "WHERE id = :id AND project_id = :p",
                 [&](const soci::row& r) { out = actor_from(r); }, soci::use(actor_id), soci::use(project_id));
    return out;
}

std::vector<ActorRow> project_actors(soci::session& sql, long long project_id) {
    std::vector<ActorRow> out;
    for_each_row(sql, std::string(actor_columns) + "WHERE project_id = :p ORDER BY name, id",
                 [&](const soci::row& r) { out.push_back(actor_from(r)); }, soci::use(project_id));
    return out;
}

std::vector<std::string> project_actor_categories(soci::session& sql, long long project_id) {
    std::vector<std::string> out;
    for_each_row(sql, "SELECT DISTINCT category FROM project_actors WHERE project_id = :p",
                 [&](const soci::row& r) { out.push_back(as_text(r, "category")); }, soci::use(project_id));
    return out;
}

long long insert_actor_link(soci::session& sql, const ActorLinkRow& l, long long now) {
    long long id = 0;
    int step = l.step.value_or(0);
    soci::indicator step_ind = l.step ? soci::i_ok : soci::i_null;
    execute(sql,
            "INSERT INTO project_actor_links (project_id, from_actor, to_actor, kind, step, label, created_at) VALUES (:p, "
            ":f, :t, :k, :s, :l, :now) RETURNING id",
            soci::use(l.project_id), soci::use(l.from_actor), soci::use(l.to_actor), soci::use(l.kind),
            soci::use(step, step_ind), soci::use(l.label), soci::use(now), soci::into(id));
    return id;
}

void delete_actor_link(soci::session& sql, long long project_id, long long link_id) {
    execute(sql, "DELETE FROM project_actor_links WHERE id = :id AND project_id = :p", soci::use(link_id),
            soci::use(project_id));
}

bool actor_link_exists(soci::session& sql, long long project_id, long long link_id) {
    long long n = 0;
    execute(sql, "SELECT COUNT(*) FROM project_actor_links WHERE id = :id AND project_id = :p", soci::use(link_id),
            soci::use(project_id), soci::into(n));
    return n > 0;
}

std::vector<ActorLinkRow> project_actor_links(soci::session& sql, long long project_id) {
    std::vector<ActorLinkRow> out;
    for_each_row(
        sql,
        "SELECT id, project_id, from_actor, to_actor, kind, step, label FROM project_actor_links WHERE project_id = :p "
        "ORDER BY kind, COALESCE(step, 0), id",
        [&](const soci::row& r) {
            ActorLinkRow l;
            l.id = as_int(r, "id");
            l.project_id = as_int(r, "project_id");
            l.from_actor = as_int(r, "from_actor");
            l.to_actor = as_int(r, "to_actor");
            l.kind = as_text(r, "kind");
            if (auto s = as_optional_int(r, "step")) l.step = static_cast<int>(*s);
            l.label = as_text(r, "label");
            out.push_back(l);
        },
        soci::use(project_id));
    return out;
}

}  // namespace ateliers::store
