#include <nlohmann/json.hpp>

#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/services/programme_overview.hpp"
#include "platform/charts/charts.hpp"
#include "platform/core/paris_time.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::programmes_pages {

namespace {

// The programme's text, one paragraph per blank-line-separated block.
nlohmann::json paragraphs(const std::string& text) {
    nlohmann::json out = nlohmann::json::array();
    std::string current;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        if (line.find_first_not_of(" \r\t") == std::string::npos) {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
        start = end + 1;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

constexpr programmes::Status statuses[] = {programmes::Status::proposee, programmes::Status::en_cours,
                                          programmes::Status::bloquee, programmes::Status::faite,
                                          programmes::Status::abandonnee};

std::string points(double delta) {
    const auto text = charts::format_number(std::abs(delta), 0);
    return (delta >= 0.5 ? "+" : delta <= -0.5 ? "−" : "") + text + " pt";
}

// Which grid versions a territory's assessments use: "v1", or "v1 → v2" when the latest
// review was rated on a newer version than the diagnostic.
std::string grid_versions_text(int diagnostic, int latest) {
    if (!diagnostic && !latest) return "–";
    if (!diagnostic || diagnostic == latest) return "v" + std::to_string(latest ? latest : diagnostic);
    if (!latest) return "v" + std::to_string(diagnostic);
    return "v" + std::to_string(diagnostic) + " → v" + std::to_string(latest);
}

// The ANCT's dashboard: stages, actions by status, overdue follow-ups, families.
nlohmann::json dashboard(const services::ProgrammeOverview& o) {
    nlohmann::json heads = nlohmann::json::array();
    for (auto st : statuses) heads.push_back(programmes::status_label(st));
    nlohmann::json rows = nlohmann::json::array();
    std::map<long long, std::string> labels;
    for (const auto& t : o.territories) {
        labels[t.territory.id] = t.territory.label;
        nlohmann::json cells = nlohmann::json::array();
        for (auto st : statuses) {
            auto it = t.actions_by_status.find(programmes::status_code(st));
            cells.push_back(it == t.actions_by_status.end() ? 0 : it->second);
        }
        rows.push_back({{"label", t.territory.label},
                        {"link", "/programmes/" + o.programme.slug + "/territoires/" + std::to_string(t.territory.id) + "/plan"},
                        {"stage", t.stage},
                        {"grid", grid_versions_text(t.diagnostic_grid_version, t.latest_grid_version)},
                        {"cells", cells},
                        {"actions", t.actions},
                        {"overdue", t.overdue}});
    }
    nlohmann::json totals = nlohmann::json::array();
    int all = 0;
    for (auto st : statuses) {
        auto it = o.action_totals.find(programmes::status_code(st));
        const int n = it == o.action_totals.end() ? 0 : it->second;
        totals.push_back(n);
        all += n;
    }
    nlohmann::json overdue = nlohmann::json::array();
    for (std::size_t i = 0; i < o.overdue.size() && i < 20; ++i) {
        const auto& a = o.overdue[i];
        programmes::Status st;
        overdue.push_back({{"title", a.title},
                           {"territory", labels[a.territory_id]},
                           {"status", programmes::parse_status(a.status, st) ? programmes::status_label(st) : a.status},
                           {"since", paris_time::long_date(a.updated_at)},
                           {"link", "/programmes/" + o.programme.slug + "/territoires/" + std::to_string(a.territory_id) +
                                        "/plan/actions/" + std::to_string(a.action_id)}});
    }
    auto title_of = [&](const std::string& code) {
        auto it = o.family_titles.find(code);
        return it == o.family_titles.end() ? code : it->second;
    };
    nlohmann::json families = nlohmann::json::array();
    for (const auto& f : o.families)
        families.push_back({{"title", title_of(f.family_code)},
                            {"territories", f.territories},
                            {"first", charts::format_value(f.first, 0, "%")},
                            {"latest", charts::format_value(f.latest, 0, "%")},
                            {"delta", points(f.delta)}});
    nlohmann::json providers = nlohmann::json::array();
    for (const auto& p : o.providers) {
        std::string where;
        for (auto id : p.territories) where += (where.empty() ? "" : ", ") + labels[id];
        nlohmann::json cells = nlohmann::json::array();
        for (auto st : statuses) {
            auto it = p.by_status.find(programmes::status_code(st));
            cells.push_back(it == p.by_status.end() ? 0 : it->second);
        }
        providers.push_back({{"name", p.name},
                             {"territories", where.empty() ? std::string("aucun territoire confié") : where},
                             {"territory_count", p.territories.size()},
                             {"cells", cells},
                             {"actions", p.actions},
                             {"overdue", p.overdue}});
    }
    nlohmann::json d{{"status_heads", heads},     {"rows", rows},
                     {"providers", providers},    {"has_providers", !providers.empty()},
                     {"totals", totals},          {"total", all},
                     {"overdue", overdue},        {"overdue_count", o.overdue.size()},
                     {"has_overdue", !o.overdue.empty()},
                     {"more_overdue", o.overdue.size() > 20},
                     {"weeks", programmes::follow_up_overdue_weeks},
                     {"families", families},      {"has_families", !families.empty()}};
    if (o.families.size() >= 2) {
        d["most"] = {{"title", title_of(o.families.front().family_code)}, {"delta", points(o.families.front().delta)}};
        d["least"] = {{"title", title_of(o.families.back().family_code)}, {"delta", points(o.families.back().delta)}};
    }
    return d;
}

}  // namespace

Response programme_page(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    const services::CurrentUser* user = visitor.user ? &*visitor.user : nullptr;
    auto o = services::programme_overview(app.db(), user, slug);
    if (!o) return app.error_page(visitor, http_status(o.failure()), "Programme introuvable", o.failure().message);
    nlohmann::json territories = nlohmann::json::array();
    bool any_open = false;
    for (const auto& t : o->territories) {
        any_open = any_open || t.can_open;
        territories.push_back({{"id", t.territory.id},
                               {"label", t.territory.label},
                               {"demo", t.territory.demo},
                               {"can_open", t.can_open},
                               {"stage", t.stage},
                               {"link", "/programmes/" + slug + "/territoires/" + std::to_string(t.territory.id)}});
    }
    nlohmann::json data{
        {"title", o->programme.title},
        {"programme",
         {{"slug", o->programme.slug},
          {"title", o->programme.title},
          {"summary", o->programme.summary},
          {"demo", o->programme.demo},
          {"years", std::to_string(o->programme.starts_year) + "–" +
                        std::to_string(o->programme.starts_year + o->programme.years - 1)}}},
        {"description", paragraphs(o->programme.description)},
        {"territories", territories},
        {"territory_count", territories.size()},
        {"has_territories", !territories.empty()},
        {"manages", o->manages},
        {"dashboard", o->manages ? dashboard(o.value()) : nlohmann::json(false)},
        {"any_open", any_open},
        {"signed_in", visitor.user.has_value()},
    };
    return render_page(app, visitor, "programmes/programme", data);
}

}  // namespace ateliers::web::programmes_pages
