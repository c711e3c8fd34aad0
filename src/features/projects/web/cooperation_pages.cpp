// /projets/ID/cooperation ("Raconter la coopération") and /projets/ID/valeur (sessions on
// the value created, compared over time).
#include <nlohmann/json.hpp>

#include "features/projects/services/cooperation_service.hpp"
#include "features/projects/web/project_pages.hpp"
#include "features/projects/web/project_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::project_pages {

namespace {

namespace pj = projects;

nlohmann::json errors_view(const std::map<std::string, std::string>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [f, m] : errors) list.push_back({{"field", f}, {"message", m}});
    return {{"has_summary", !errors.empty()}, {"list", list}, {"by_field", errors}};
}

std::map<std::string, std::string> errors_of(const Failure& f) {
    if (!f.fields.empty()) return f.fields;
    return {{f.field.empty() ? "title" : f.field, f.message}};
}

bool page_failure(const Failure& f) { return f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden; }

nlohmann::json project_view(const store::ProjectRow& p) {
    return {{"id", p.id}, {"title", p.title}, {"territory", p.territory_name}, {"demo", p.demo}};
}

Response render_log(const App& app, Visitor& visitor, long long id, const FormFields& typed,
                    const std::map<std::string, std::string>& errors, const std::string& notice, int status) {
    auto log = services::project_cooperation_log(app.db(), *visitor.user, id);
    if (!log) return failure_page(app, visitor, log.failure());
    const auto& v = log.value();
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : v.entries)
        entries.push_back({{"title", e.title},
                           {"kind", pj::log_kind_label(pj::parse_log_kind(e.kind).value_or(pj::LogKind::autre))},
                           {"date", readable_date(e.happened_on)},
                           {"written_by", e.written_by},
                           {"body", paragraphs(e.body)}});
    const auto kind = field(typed, "kind");
    nlohmann::json kinds = nlohmann::json::array();
    for (auto k : pj::all_log_kinds())
        kinds.push_back({{"value", pj::log_kind_name(k)}, {"label", pj::log_kind_label(k)}, {"selected", pj::log_kind_name(k) == kind}});
    nlohmann::json data{{"title", "Raconter la coopération – " + v.project.title},
                        {"project", project_view(v.project)},
                        {"entries", entries},
                        {"has_entries", !entries.empty()},
                        {"write", pj::can_write(v.viewer)},
                        {"kinds", kinds},
                        {"values", {{"happened_on", field(typed, "happened_on")}, {"title", field(typed, "title")}, {"body", field(typed, "body")}}},
                        {"errors", errors_view(errors)}};
    if (!notice.empty()) data["notice"] = notice;
    return app.page(visitor, "projects/cooperation", data, status);
}

Response render_value(const App& app, Visitor& visitor, long long id, const FormFields& typed,
                      const std::map<std::string, std::string>& errors, const std::string& notice, int status) {
    auto value = services::project_value(app.db(), *visitor.user, id);
    if (!value) return failure_page(app, visitor, value.failure());
    const auto& v = value.value();
    nlohmann::json sessions = nlohmann::json::array(), dates = nlohmann::json::array();
    for (auto it = v.sessions.rbegin(); it != v.sessions.rend(); ++it) {  // most recent first
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& e : it->entries)
            entries.push_back({{"label", e.label}, {"observed", e.observed}, {"evidence", e.evidence},
                               {"indicator", e.indicator}, {"indicator_value", e.indicator_value},
                               {"has_indicator", !e.indicator.empty() || !e.indicator_value.empty()}});
        sessions.push_back({{"id", it->id},
                            {"date", readable_date(it->held_on)},
                            {"participants", it->participants},
                            {"entries", entries},
                            {"conclusions", paragraphs(it->conclusions)},
                            {"has_conclusions", !paragraphs(it->conclusions).empty()}});
    }
    for (const auto& s : v.sessions) dates.push_back(readable_date(s.held_on));
    nlohmann::json comparison = nlohmann::json::array();
    for (const auto& row : v.comparison) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& c : row.cells)
            cells.push_back({{"discussed", c.discussed}, {"observed", c.observed}, {"indicator", c.indicator},
                             {"indicator_value", c.indicator_value},
                             {"has_indicator", !c.indicator.empty() || !c.indicator_value.empty()}});
        comparison.push_back({{"label", row.label}, {"cells", cells}});
    }
    nlohmann::json dimensions = nlohmann::json::array();
    for (const auto& d : v.dimensions.dimensions) {
        nlohmann::json dim{{"code", d.code},
                           {"label", d.label},
                           {"hint", v.dimensions.hints.count(d.code) ? v.dimensions.hints.at(d.code) : ""},
                           {"observed", field(typed, d.code + "_observed")},
                           {"evidence", field(typed, d.code + "_evidence")},
                           {"indicator", field(typed, d.code + "_indicator")},
                           {"value", field(typed, d.code + "_value")}};
        for (const auto& [f, m] : errors)
            if (f.rfind(d.code + "_", 0) == 0) dim["problem"] = m;
        dimensions.push_back(dim);
    }
    nlohmann::json data{{"title", "Valeur créée – " + v.project.title},
                        {"project", project_view(v.project)},
                        {"sessions", sessions},
                        {"has_sessions", !sessions.empty()},
                        {"session_dates", dates},
                        {"comparison", comparison},
                        {"has_comparison", !comparison.empty()},
                        {"write", pj::can_write(v.viewer)},
                        {"dimensions", dimensions},
                        {"values", {{"held_on", field(typed, "held_on")}, {"participants", field(typed, "participants")},
                                    {"conclusions", field(typed, "conclusions")}}},
                        {"errors", errors_view(errors)}};
    if (!notice.empty()) data["notice"] = notice;
    return app.page(visitor, "projects/value", data, status);
}

}  // namespace

std::string readable_date(const std::string& iso) {
    auto d = paris_time::parse_civil_date(iso);
    if (!d) return iso;
    return paris_time::long_date(paris_time::to_utc(d->year, d->month, d->day, 12, 0));
}

Response cooperation_page(const App& app, const Request& req, Visitor& visitor, long long id) {
    return render_log(app, visitor, id, {}, {}, req.query_param("message") == "raconte" ? "Le moment est enregistré." : "", 200);
}

Response cooperation_submit(const App& app, Visitor& visitor, const FormFields& form, long long id) {
    auto added = services::add_cooperation_entry(
        app.db(), &*visitor.user, id, {field(form, "happened_on"), field(form, "kind"), field(form, "title"), field(form, "body")});
    if (added) return redirect_to("/projets/" + std::to_string(id) + "/cooperation?message=raconte");
    if (page_failure(added.failure())) return failure_page(app, visitor, added.failure());
    return render_log(app, visitor, id, form, errors_of(added.failure()), "", http_status(added.failure()));
}

Response value_page(const App& app, const Request& req, Visitor& visitor, long long id) {
    return render_value(app, visitor, id, {}, {}, req.query_param("message") == "seance" ? "La séance est enregistrée." : "", 200);
}

Response value_submit(const App& app, Visitor& visitor, const FormFields& form, long long id) {
    services::ValueSessionInput in{field(form, "held_on"), field(form, "participants"), field(form, "conclusions"), {}};
    auto set = services::load_value_dimensions(services::default_value_dimensions_path());
    if (set)
        for (const auto& d : set.value().dimensions)
            in.entries[d.code] = {d.code, d.label, field(form, d.code + "_observed"), field(form, d.code + "_evidence"),
                                  field(form, d.code + "_indicator"), field(form, d.code + "_value")};
    auto added = services::add_value_session(app.db(), &*visitor.user, id, in);
    if (added) return redirect_to("/projets/" + std::to_string(id) + "/valeur?message=seance");
    if (page_failure(added.failure())) return failure_page(app, visitor, added.failure());
    return render_value(app, visitor, id, form, errors_of(added.failure()), "", http_status(added.failure()));
}

}  // namespace ateliers::web::project_pages
