#include "features/running/store/session_plans.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

const char* session_columns =
    "SELECT s.id AS session_id, c.id AS cycle_id, c.slug AS slug, c.title AS title, s.number AS number, "
    "s.starts_at AS starts_at, s.ends_at AS ends_at, s.visio_url AS visio_url "
    "FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id ";

SessionRefRow session_from_row(const soci::row& r) {
    return {as_int(r, "session_id"), as_int(r, "cycle_id"), as_text(r, "slug"),   as_text(r, "title"),
            static_cast<int>(as_int(r, "number")), as_int(r, "starts_at"), as_int(r, "ends_at"),
            as_text(r, "visio_url")};
}

}  // namespace

std::optional<SessionRefRow> find_session_ref(soci::session& sql, const std::string& cycle_slug, int number) {
    soci::row r;
    sql << std::string(session_columns) + "WHERE c.slug = :slug AND s.number = :n", soci::use(cycle_slug),
        soci::use(number), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return session_from_row(r);
}

std::optional<SessionRefRow> find_session_ref_by_id(soci::session& sql, long long session_id) {
    soci::row r;
    sql << std::string(session_columns) + "WHERE s.id = :id", soci::use(session_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return session_from_row(r);
}

std::optional<std::string> session_phases(soci::session& sql, long long session_id) {
    std::string phases;
    sql << "SELECT phases FROM session_plans WHERE session_id = :s", soci::use(session_id), soci::into(phases);
    if (!sql.got_data()) return std::nullopt;
    return phases;
}

bool has_session_plan(soci::session& sql, long long session_id) {
    long long has = 0;
    sql << "SELECT COUNT(*) FROM session_plans WHERE session_id = :s", soci::use(session_id), soci::into(has);
    return has > 0;
}

void upsert_session_plan(soci::session& sql, long long session_id, const std::string& phases, long long updated_at,
                         bool if_absent) {
    if (if_absent)
        sql << "INSERT INTO session_plans (session_id, phases, updated_at) VALUES (:s, :p, :t) "
               "ON CONFLICT (session_id) DO NOTHING",
            soci::use(session_id), soci::use(phases), soci::use(updated_at);
    else
        sql << "INSERT INTO session_plans (session_id, phases, updated_at) VALUES (:s, :p, :t) "
               "ON CONFLICT (session_id) DO UPDATE SET phases = excluded.phases, updated_at = excluded.updated_at",
            soci::use(session_id), soci::use(phases), soci::use(updated_at);
}

std::vector<PlanTemplateRow> plan_templates(soci::session& sql, const std::string& default_slug) {
    std::vector<PlanTemplateRow> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, slug, name, phases, updated_at FROM plan_templates "
                                                   "ORDER BY CASE WHEN slug = :d THEN 0 ELSE 1 END, name",
                                    soci::use(default_slug));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), as_text(r, "slug"), as_text(r, "name"), as_text(r, "phases"),
                       as_int(r, "updated_at")});
    return out;
}

std::optional<std::string> template_phases(soci::session& sql, const std::string& slug) {
    std::string phases;
    sql << "SELECT phases FROM plan_templates WHERE slug = :s", soci::use(slug), soci::into(phases);
    if (!sql.got_data()) return std::nullopt;
    return phases;
}

bool plan_template_exists(soci::session& sql, const std::string& slug) {
    long long found = 0;
    sql << "SELECT COUNT(*) FROM plan_templates WHERE slug = :s", soci::use(slug), soci::into(found);
    return found != 0;
}

void update_plan_template(soci::session& sql, const std::string& slug, const std::string& name,
                          const std::string& phases, long long updated_at) {
    sql << "UPDATE plan_templates SET name = :n, phases = :p, updated_at = :t WHERE slug = :s", soci::use(name),
        soci::use(phases), soci::use(updated_at), soci::use(slug);
}

void insert_plan_template(soci::session& sql, const std::string& slug, const std::string& name,
                          const std::string& phases, long long updated_at) {
    sql << "INSERT INTO plan_templates (slug, name, phases, updated_at) VALUES (:s, :n, :p, :t)", soci::use(slug),
        soci::use(name), soci::use(phases), soci::use(updated_at);
}

}  // namespace ateliers::store
