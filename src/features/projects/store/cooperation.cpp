#include "features/projects/store/cooperation.hpp"

#include <map>

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

long long insert_cooperation_entry(soci::session& sql, const CooperationLogRow& e, long long now) {
    long long id = 0;
    execute(sql,
            "INSERT INTO project_cooperation_log (project_id, happened_on, kind, title, body, written_by, created_at) "
            "VALUES (:p, :d, :k, :t, :b, :w, :now) RETURNING id",
            soci::use(e.project_id), soci::use(e.happened_on), soci::use(e.kind), soci::use(e.title), soci::use(e.body),
            soci::use(e.written_by), soci::use(now), soci::into(id));
    return id;
}

std::vector<CooperationLogRow> cooperation_log(soci::session& sql, long long project_id) {
    std::vector<CooperationLogRow> out;
    for_each_row(
        sql,
        "SELECT id, project_id, happened_on, kind, title, body, written_by FROM project_cooperation_log WHERE project_id "
        "= :p ORDER BY happened_on DESC, id DESC",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "id"), as_int(r, "project_id"), as_text(r, "happened_on"), as_text(r, "kind"),
                           as_text(r, "title"), as_text(r, "body"), as_text(r, "written_by")});
        },
        soci::use(project_id));
    return out;
}

long long insert_value_session(soci::session& sql, const ValueSessionRow& s, long long now) {
    long long id = 0;
    execute(sql,
            "INSERT INTO project_value_sessions (project_id, held_on, participants, conclusions, dimension_set, "
            "written_by, created_at) VALUES (:p, :d, :pa, :c, :ds, :w, :now) RETURNING id",
            soci::use(s.project_id), soci::use(s.held_on), soci::use(s.participants), soci::use(s.conclusions),
            soci::use(s.dimension_set), soci::use(s.written_by), soci::use(now), soci::into(id));
    for (const auto& e : s.entries)
        execute(sql,
                "INSERT INTO project_value_entries (session_id, dimension, label, observed, evidence, indicator, "
                "indicator_value) VALUES (:s, :d, :l, :o, :e, :i, :v)",
                soci::use(id), soci::use(e.dimension), soci::use(e.label), soci::use(e.observed), soci::use(e.evidence),
                soci::use(e.indicator), soci::use(e.indicator_value));
    return id;
}

std::vector<ValueSessionRow> value_sessions(soci::session& sql, long long project_id) {
    std::vector<ValueSessionRow> out;
    std::map<long long, std::size_t> index;
    for_each_row(
        sql,
        "SELECT id, project_id, held_on, participants, conclusions, dimension_set, written_by FROM "
        "project_value_sessions WHERE project_id = :p ORDER BY held_on, id",
        [&](const soci::row& r) {
            ValueSessionRow s;
            s.id = as_int(r, "id");
            s.project_id = as_int(r, "project_id");
            s.held_on = as_text(r, "held_on");
            s.participants = as_text(r, "participants");
            s.conclusions = as_text(r, "conclusions");
            s.dimension_set = as_text(r, "dimension_set");
            s.written_by = as_text(r, "written_by");
            index[s.id] = out.size();
            out.push_back(std::move(s));
        },
        soci::use(project_id));
    // By dimension code here; the service puts them back in the dimension set's order.
    for_each_row(
        sql,
        "SELECT e.session_id AS session_id, e.dimension AS dimension, e.label AS label, e.observed AS observed, "
        "e.evidence AS evidence, e.indicator AS indicator, e.indicator_value AS indicator_value FROM "
        "project_value_entries e JOIN project_value_sessions s ON s.id = e.session_id WHERE s.project_id = :p ORDER BY "
        "e.session_id, e.dimension",
        [&](const soci::row& r) {
            auto it = index.find(as_int(r, "session_id"));
            if (it == index.end()) return;
            out[it->second].entries.push_back({as_text(r, "dimension"), as_text(r, "label"), as_text(r, "observed"),
                                               as_text(r, "evidence"), as_text(r, "indicator"),
                                               as_text(r, "indicator_value")});
        },
        soci::use(project_id));
    return out;
}

}  // namespace ateliers::store
