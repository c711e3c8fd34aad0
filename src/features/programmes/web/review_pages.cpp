#include <cmath>

#include <nlohmann/json.hpp>

#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/services/reviews.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/charts/charts.hpp"
#include "platform/charts/radar.hpp"
#include "platform/core/text.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::programmes_pages {

namespace {

using programmes::Adjustment;
constexpr Adjustment adjustment_kinds[] = {Adjustment::added, Adjustment::changed, Adjustment::dropped,
                                           Adjustment::postponed};

std::string percent_text(const std::optional<double>& v) {
    return v ? charts::format_value(*v, 0, "%") : std::string("non évaluée");
}
std::string delta_text(const std::optional<double>& v) {
    if (!v) return "–";
    const auto rounded = std::lround(*v);
    return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + charts::format_number(std::abs(static_cast<double>(rounded)), 0) +
           " point" + (std::abs(rounded) > 1 ? "s" : "");
}

std::string previous_name(int year) { return year <= 0 ? "Diagnostic" : "Bilan année " + std::to_string(year); }

Response render(const App& app, Visitor& visitor, const services::ReviewView& v, const FormFields* typed,
                const std::map<std::string, std::string>& errors, const std::string& summary, const std::string& notice,
                int status) {
    const std::string base = territory_path(v.programme.slug, v.territory.id);
    const std::string this_name = "Bilan année " + std::to_string(v.year);
    std::vector<std::string> axes;
    charts::RadarSeries before{previous_name(v.previous_year), {}}, after{this_name, {}};
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : v.changes) {
        std::string title = c.family_code;
        for (const auto& f : v.families)
            if (f.code == c.family_code) title = f.title;
        axes.push_back(title);
        before.values.push_back(c.before);
        after.values.push_back(c.after);
        rows.push_back({{"family", title}, {"before", percent_text(c.before)}, {"after", percent_text(c.after)},
                        {"delta", delta_text(c.delta)}});
    }
    charts::RadarChart chart{"radar-bilan", "Savoir-faire par famille, en % du niveau maximal : " +
                                                (v.previous_year >= 0 ? previous_name(v.previous_year) + " et " : "") + this_name,
                             axes, {}};
    if (v.previous_year >= 0) chart.series.push_back(before);
    if (v.rated) chart.series.push_back(after);
    nlohmann::json adjustments = nlohmann::json::array();
    for (const auto& a : v.adjustments) {
        Adjustment k;
        adjustments.push_back({{"kind", programmes::parse_adjustment(a.kind, k) ? programmes::adjustment_label(k) : a.kind},
                               {"title", a.title},
                               {"reason", a.reason}});
    }
    const std::string kind_typed = typed ? field(*typed, "kind") : "";
    nlohmann::json kinds = nlohmann::json::array();
    for (auto k : adjustment_kinds)
        kinds.push_back({{"value", programmes::adjustment_code(k)}, {"label", programmes::adjustment_label(k)},
                         {"checked", kind_typed == programmes::adjustment_code(k)}});
    const std::string action_typed = typed ? field(*typed, "action_id") : "";
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : v.actions)
        actions.push_back({{"id", a.id}, {"title", a.title}, {"selected", action_typed == std::to_string(a.id)}});
    nlohmann::json data{
        {"title", this_name + " – " + v.territory.label},
        {"heading", "Bilan annuel, année " + std::to_string(v.year)},
        {"programme", {{"slug", v.programme.slug}, {"title", v.programme.title}}},
        {"territory", {{"id", v.territory.id}, {"label", v.territory.label}, {"demo", v.territory.demo}, {"path", base}}},
        {"rated", v.rated},
        {"has_previous", v.previous_year >= 0},
        {"versions", v.grid_version && v.previous_grid_version
                         ? previous_name(v.previous_year) + " sur la grille version " + std::to_string(v.previous_grid_version) +
                               ", ce bilan sur la version " + std::to_string(v.grid_version) +
                               (v.grid_version != v.previous_grid_version
                                    ? " : les familles sont rapprochées par leur code, chaque score en % du niveau maximal de sa version."
                                    : ".")
                         : std::string()},
        {"previous_name", previous_name(v.previous_year)},
        {"this_name", this_name},
        {"chart", charts::radar_svg(chart)},
        {"rows", rows},
        {"successes", v.successes},
        {"adjustments", adjustments},
        {"has_adjustments", !adjustments.empty()},
        {"kinds", kinds},
        {"actions", actions},
        {"values", {{"title", typed ? field(*typed, "title") : ""}, {"reason", typed ? field(*typed, "reason") : ""}}},
        {"can_rate", v.can_rate},
        {"rating_link", base + "/bilans/" + std::to_string(v.year) + "/cotation"},
        {"adjustment_post", base + "/bilans/" + std::to_string(v.year) + "/ajustements"},
        {"errors", form_errors_view(summary, errors)},
        {"notice", notice},
    };
    return render_page(app, visitor, "programmes/review", data, status);
}

}  // namespace

Response review_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                     long long territory_id, int year) {
    if (!visitor.user) return login_first(territory_path(slug, territory_id) + "/bilans/" + std::to_string(year));
    auto v = services::open_review(app.db(), user_of(visitor), slug, territory_id, year);
    if (!v) return app.error_page(visitor, http_status(v.failure()), "Bilan indisponible", v.failure().message);
    const std::string notice = req.query_param("message") == "ajustement" ? "Ajustement enregistré." : "";
    return render(app, visitor, v.value(), nullptr, {}, "", notice, 200);
}

Response review_adjustment(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                           const std::string& slug, long long territory_id, int year) {
    const std::string back = territory_path(slug, territory_id) + "/bilans/" + std::to_string(year);
    if (!visitor.user) return login_first(back);
    auto v = services::open_review(app.db(), user_of(visitor), slug, territory_id, year);
    if (!v) return app.error_page(visitor, http_status(v.failure()), "Bilan indisponible", v.failure().message);
    services::ReviewAdjustmentInput in;
    in.kind = field(form, "kind");
    in.title = field(form, "title");
    in.reason = field(form, "reason");
    const auto action_text = field(form, "action_id");
    if (!action_text.empty()) in.action_id = text::parse_bounded_integer(action_text, 1, 1'000'000'000'000).value_or(-1);
    auto saved = services::add_review_adjustment(app.db(), user_of(visitor), slug, territory_id, year, in);
    if (saved) return redirect_to(back + "?message=ajustement#ajustements");
    const auto& f = saved.failure();
    if (f.kind == FailureKind::forbidden || f.kind == FailureKind::not_found || f.kind == FailureKind::technical)
        return app.error_page(visitor, http_status(f), "Ajustement non enregistré", f.message);
    std::map<std::string, std::string> errors = f.fields;
    if (errors.empty()) errors["kind"] = f.message;
    return render(app, visitor, v.value(), &form, errors, f.message, "", http_status(f));
}

}  // namespace ateliers::web::programmes_pages
