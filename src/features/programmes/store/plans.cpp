#include "features/programmes/store/plans.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* action_columns =
    "SELECT id, territory_id, title, description, kind, years, families, providers, field_support, status, progress, "
    "updated_at, created_at FROM plan_actions ";

PlanActionRow action_from(const soci::row& r) {
    PlanActionRow a;
    a.id = as_int(r, "id");
    a.territory_id = as_int(r, "territory_id");
    a.title = as_text(r, "title");
    a.description = as_text(r, "description");
    a.kind = as_text(r, "kind");
    a.years = as_text(r, "years");
    a.families = as_text(r, "families");
    a.providers = as_text(r, "providers");
    a.field_support = as_text(r, "field_support");
    a.status = as_text(r, "status");
    a.progress = static_cast<int>(as_int(r, "progress"));
    a.updated_at = as_int(r, "updated_at");
    a.created_at = as_int(r, "created_at");
    return a;
}

}  // namespace

std::vector<PlanActionRow> plan_actions_of(soci::session& sql, long long territory_id) {
    std::vector<PlanActionRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(action_columns) + "WHERE territory_id = :t ORDER BY kind, id", soci::use(territory_id));
    for (const auto& r : rows) out.push_back(action_from(r));
    return out;
}

std::optional<PlanActionRow> find_plan_action(soci::session& sql, long long territory_id, long long action_id) {
    soci::row r;
    if (!execute(sql, std::string(action_columns) + "WHERE territory_id = :t AND id = :id", soci::use(territory_id),
                 soci::use(action_id), soci::into(r)))
        return std::nullopt;
    return action_from(r);
}

long long insert_plan_action(soci::session& sql, const PlanActionRow& a, long long now) {
    long long id = 0;
    sql << "INSERT INTO plan_actions (territory_id, title, description, kind, years, families, providers, field_support, "
           "status, progress, updated_at, created_at) VALUES (:t, :title, :d, :k, :y, :f, :p, :fs, :s, :pr, :now, :now2) "
           "RETURNING id",
        soci::use(a.territory_id), soci::use(a.title), soci::use(a.description), soci::use(a.kind), soci::use(a.years),
        soci::use(a.families), soci::use(a.providers), soci::use(a.field_support), soci::use(a.status),
        soci::use(a.progress), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void update_plan_action(soci::session& sql, const PlanActionRow& a, long long now) {
    sql << "UPDATE plan_actions SET title = :title, description = :d, kind = :k, years = :y, families = :f, "
           "providers = :p, field_support = :fs, updated_at = :now WHERE id = :id AND territory_id = :t",
        soci::use(a.title), soci::use(a.description), soci::use(a.kind), soci::use(a.years), soci::use(a.families),
        soci::use(a.providers), soci::use(a.field_support), soci::use(now), soci::use(a.id), soci::use(a.territory_id);
}

void set_plan_action_progress(soci::session& sql, long long action_id, const std::string& status, int progress,
                              long long now) {
    sql << "UPDATE plan_actions SET status = :s, progress = :p, updated_at = :now WHERE id = :id", soci::use(status),
        soci::use(progress), soci::use(now), soci::use(action_id);
}

long long insert_action_follow_up(soci::session& sql, const ActionFollowUpRow& f) {
    long long id = 0;
    soci::indicator author_ind = f.author_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO action_follow_ups (action_id, author_id, author_name, status_before, status_after, "
           "progress_before, progress_after, comment, created_at) VALUES (:a, :au, :n, :sb, :sa, :pb, :pa, :c, :at) "
           "RETURNING id",
        soci::use(f.action_id), soci::use(f.author_id, author_ind), soci::use(f.author_name), soci::use(f.status_before),
        soci::use(f.status_after), soci::use(f.progress_before), soci::use(f.progress_after), soci::use(f.comment),
        soci::use(f.created_at), soci::into(id);
    return id;
}

std::vector<ActionFollowUpRow> action_follow_ups_of(soci::session& sql, long long action_id) {
    std::vector<ActionFollowUpRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, action_id, COALESCE(author_id, 0) AS author_id, author_name, status_before, "
                        "status_after, progress_before, progress_after, comment, created_at FROM action_follow_ups "
                        "WHERE action_id = :a ORDER BY created_at DESC, id DESC",
         soci::use(action_id));
    for (const auto& r : rows) {
        ActionFollowUpRow f;
        f.id = as_int(r, "id");
        f.action_id = as_int(r, "action_id");
        f.author_id = as_int(r, "author_id");
        f.author_name = as_text(r, "author_name");
        f.status_before = as_text(r, "status_before");
        f.status_after = as_text(r, "status_after");
        f.progress_before = static_cast<int>(as_int(r, "progress_before"));
        f.progress_after = static_cast<int>(as_int(r, "progress_after"));
        f.comment = as_text(r, "comment");
        f.created_at = as_int(r, "created_at");
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<PlanVersionRow> plan_versions_of(soci::session& sql, long long territory_id) {
    std::vector<PlanVersionRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, territory_id, number, status, snapshot, adopted_at, created_at FROM plan_versions "
                        "WHERE territory_id = :t ORDER BY number",
         soci::use(territory_id));
    for (const auto& r : rows) {
        PlanVersionRow v;
        v.id = as_int(r, "id");
        v.territory_id = as_int(r, "territory_id");
        v.number = static_cast<int>(as_int(r, "number"));
        v.status = as_text(r, "status");
        v.snapshot = as_text(r, "snapshot");
        v.adopted_at = as_optional_int(r, "adopted_at");
        v.created_at = as_int(r, "created_at");
        out.push_back(std::move(v));
    }
    return out;
}

long long insert_plan_version(soci::session& sql, long long territory_id, int number, long long now) {
    long long id = 0;
    sql << "INSERT INTO plan_versions (territory_id, number, status, created_at) VALUES (:t, :n, 'draft', :now) "
           "RETURNING id",
        soci::use(territory_id), soci::use(number), soci::use(now), soci::into(id);
    return id;
}

void open_plan_draft_if_none(soci::session& sql, long long territory_id, long long now) {
    const auto versions = plan_versions_of(sql, territory_id);
    for (const auto& v : versions)
        if (v.status == "draft") return;
    insert_plan_version(sql, territory_id, versions.empty() ? 1 : versions.back().number + 1, now);
}

void adopt_plan_version(soci::session& sql, long long version_id, const std::string& snapshot, long long user_id,
                        long long now) {
    soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
    sql << "UPDATE plan_versions SET status = 'adopted', snapshot = :s, adopted_at = :now, adopted_by = :u "
           "WHERE id = :id AND status = 'draft'",
        soci::use(snapshot), soci::use(now), soci::use(user_id, user_ind), soci::use(version_id);
}

}  // namespace ateliers::store
