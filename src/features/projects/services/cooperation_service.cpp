#include "features/projects/services/cooperation_service.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "features/projects/services/projects_service.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/source_dir.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

Failure missing() { return fail("Projet introuvable.", {}, FailureKind::not_found); }

Failure invalid_fields(const std::map<std::string, std::string>& errors) {
    Failure f = fail(errors.begin()->second, errors.begin()->first, FailureKind::invalid);
    f.fields = errors;
    return f;
}

std::optional<Failure> team_only(soci::session& sql, const CurrentUser* user, long long project_id, const char* what) {
    if (!store::find_project(sql, project_id)) return missing();
    if (user && !projects::can_write(viewer_on(sql, *user, project_id)))
        return fail(std::string("Seule l’équipe du territoire ") + what + ".", {}, FailureKind::forbidden);
    return std::nullopt;
}

// The date as stored (YYYY-MM-DD), or empty when it is not a real day.
std::string stored_date(const std::string& typed) {
    auto d = paris_time::parse_civil_date(text::trim(typed));
    if (!d) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buf;
}

std::string who(const CurrentUser* user) {
    if (!user) return "Équipe du projet";
    return user->full_name.empty() ? user->email : user->full_name;
}

void check_length(std::map<std::string, std::string>& errors, const std::string& field, const std::string& value,
                  std::size_t max, const std::string& what) {
    if (!text::is_valid_utf8(value)) errors[field] = "Le texte envoyé n’est pas lisible (UTF-8).";
    else if (text::length_in_chars(value) > max)
        errors[field] = what + " ne peut dépasser " + std::to_string(max) + " caractères : raccourcissez (votre texte est conservé).";
}

template <class T>
Result<T> readable(store::Database& db, const CurrentUser& user, long long project_id,
                   const std::function<void(soci::session&, T&)>& fill) {
    return store::in_transaction<T>(db, [&](soci::session& sql) -> Result<T> {
        auto project = store::find_project(sql, project_id);
        if (!project) return missing();
        T v;
        v.viewer = viewer_on(sql, user, project_id);
        if (!projects::can_view(v.viewer, project->territory_id))
            return fail("Vous n’avez pas accès à ce projet.", {}, FailureKind::forbidden);
        v.project = *project;
        fill(sql, v);
        return v;
    });
}

}  // namespace

Result<long long> add_cooperation_entry(store::Database& db, const CurrentUser* actor, long long project_id,
                                        const CooperationEntryInput& in) {
    std::map<std::string, std::string> errors;
    store::CooperationLogRow e;
    e.project_id = project_id;
    e.happened_on = stored_date(in.happened_on);
    if (e.happened_on.empty()) errors["happened_on"] = "Saisissez la date du moment, par exemple 14/03/2025.";
    if (auto k = projects::parse_log_kind(in.kind)) e.kind = projects::log_kind_name(*k);
    else errors["kind"] = "Choisissez le type de moment.";
    e.title = text::trim(in.title);
    if (e.title.empty()) errors["title"] = "Donnez un titre à ce moment.";
    check_length(errors, "title", e.title, projects::max_log_title_chars, "Le titre");
    e.body = in.body;
    check_length(errors, "body", e.body, projects::max_log_body_chars, "Le récit");
    if (!errors.empty()) return invalid_fields(errors);
    e.written_by = who(actor);
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (auto f = team_only(sql, actor, project_id, "tient le récit de la coopération")) return *f;
        const auto id = store::insert_cooperation_entry(sql, e, store::now_utc_seconds());
        record_audit(sql, actor ? actor->id : 0, "project.cooperation", "project:" + std::to_string(project_id),
                     "Récit de coopération : " + e.title);
        return id;
    });
}

Result<CooperationLogView> project_cooperation_log(store::Database& db, const CurrentUser& user, long long project_id) {
    return readable<CooperationLogView>(db, user, project_id, [&](soci::session& sql, CooperationLogView& v) {
        v.entries = store::cooperation_log(sql, project_id);
    });
}

std::string default_value_dimensions_path() { return source_dir() + "/data/projects/valeur-v1.json"; }

Result<ValueDimensionSet> load_value_dimensions(const std::string& json_path) {
    std::ifstream in(json_path);
    if (!in) return fail("Dimensions de la valeur introuvables (" + json_path + ").", {}, FailureKind::technical);
    try {
        const auto doc = nlohmann::json::parse(in);
        ValueDimensionSet set;
        set.version = doc.at("version").get<std::string>();
        for (const auto& d : doc.at("dimensions")) {
            set.dimensions.push_back({d.at("code").get<std::string>(), d.at("label").get<std::string>()});
            set.hints[set.dimensions.back().code] = d.value("hint", "");
        }
        if (set.dimensions.empty()) return fail("Le jeu de dimensions est vide.", {}, FailureKind::technical);
        return set;
    } catch (const std::exception& e) {
        return fail(std::string("Dimensions de la valeur illisibles : ") + e.what(), {}, FailureKind::technical);
    }
}

Result<long long> add_value_session(store::Database& db, const CurrentUser* actor, long long project_id,
                                    const ValueSessionInput& in) {
    auto set = load_value_dimensions(default_value_dimensions_path());
    if (!set) return set.failure();
    std::map<std::string, std::string> errors;
    store::ValueSessionRow s;
    s.project_id = project_id;
    s.held_on = stored_date(in.held_on);
    if (s.held_on.empty()) errors["held_on"] = "Saisissez la date de la séance, par exemple 14/03/2025.";
    s.participants = text::trim(in.participants);
    if (s.participants.empty()) errors["participants"] = "Indiquez qui a participé à la séance.";
    check_length(errors, "participants", s.participants, projects::max_value_text_chars, "La liste des participants");
    s.conclusions = in.conclusions;
    check_length(errors, "conclusions", s.conclusions, projects::max_value_text_chars, "Les conclusions");
    for (const auto& d : set.value().dimensions) {
        auto it = in.entries.find(d.code);
        if (it == in.entries.end()) continue;
        projects::ValueEntry e = it->second;
        e.dimension = d.code;
        e.label = d.label;
        for (auto [field, value] : {std::pair{"observed", &e.observed}, std::pair{"evidence", &e.evidence},
                                    std::pair{"indicator", &e.indicator}, std::pair{"value", &e.indicator_value}}) {
            *value = text::trim(*value);
            check_length(errors, d.code + "_" + field, *value, projects::max_value_text_chars, "Ce champ");
        }
        if (projects::discussed(e))
            s.entries.push_back({e.dimension, e.label, e.observed, e.evidence, e.indicator, e.indicator_value});
    }
    if (errors.empty() && s.entries.empty())
        errors["observed"] = "Renseignez au moins une dimension : ce qui a été observé.";
    if (!errors.empty()) return invalid_fields(errors);
    s.dimension_set = set.value().version;
    s.written_by = who(actor);
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (auto f = team_only(sql, actor, project_id, "consigne les séances sur la valeur créée")) return *f;
        const auto id = store::insert_value_session(sql, s, store::now_utc_seconds());
        record_audit(sql, actor ? actor->id : 0, "project.value", "project:" + std::to_string(project_id),
                     "Séance sur la valeur créée du " + s.held_on);
        return id;
    });
}

Result<ValueView> project_value(store::Database& db, const CurrentUser& user, long long project_id) {
    auto set = load_value_dimensions(default_value_dimensions_path());
    if (!set) return set.failure();
    return readable<ValueView>(db, user, project_id, [&](soci::session& sql, ValueView& v) {
        v.dimensions = set.value();
        v.sessions = store::value_sessions(sql, project_id);
        const auto& dims = v.dimensions.dimensions;
        auto rank = [&](const std::string& code) {
            auto it = std::find_if(dims.begin(), dims.end(), [&](const auto& d) { return d.code == code; });
            return static_cast<std::size_t>(it - dims.begin());
        };
        std::vector<projects::ValueSessionEntries> compared;
        for (auto& s : v.sessions) {
            std::stable_sort(s.entries.begin(), s.entries.end(),
                             [&](const auto& a, const auto& b) { return rank(a.dimension) < rank(b.dimension); });
            projects::ValueSessionEntries c{s.held_on, {}};
            for (const auto& e : s.entries)
                c.entries.push_back({e.dimension, e.label, e.observed, e.evidence, e.indicator, e.indicator_value});
            compared.push_back(std::move(c));
        }
        v.comparison = projects::compare_value_sessions(dims, compared);
    });
}

}  // namespace ateliers::services
