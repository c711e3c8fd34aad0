#include "features/reports/web/reach_view.hpp"


namespace ateliers::web::reports {

using nlohmann::json;

namespace {

json table_view(const modules::ReportTable& t) {
    json rows = json::array();
    for (const auto& r : t.rows) {
        json cells = json::array();
        for (std::size_t i = 1; i < r.size(); ++i) cells.push_back(r[i]);
        rows.push_back({{"head", r.empty() ? std::string() : r[0]}, {"cells", cells}});
    }
    return {{"caption", t.caption}, {"headers", t.columns}, {"rows", rows}, {"empty", t.rows.empty()},
            {"columns", t.columns.size()}};
}

}  // namespace

json reach_view(const services::AgencyReach& reach) {
    const auto& r = reach.reached;
    json by_work = json::array();
    for (const auto& w : r.by_work) by_work.push_back({{"label", w.label}, {"count", w.count}});
    json by_kind = json::array();
    for (const auto& k : r.by_kind) by_kind.push_back({{"label", k.label}, {"count", k.count}});
    json sections = json::array();
    for (const auto& s : reach.sections) {
        json figures = json::array();
        for (const auto& f : s.figures) figures.push_back({{"label", f.label}, {"value", f.value}, {"note", f.note}});
        json tables = json::array();
        for (const auto& t : s.tables) tables.push_back(table_view(t));
        sections.push_back(
            {{"id", s.id}, {"title", s.title}, {"intro", s.intro}, {"figures", figures}, {"tables", tables}});
    }
    return {{"total", r.total},
            {"by_work", by_work},
            {"by_kind", by_kind},
            {"through_epci", r.communes_through_epci},
            {"epcis", r.epcis_reached},
            {"has_epcis", r.epcis_reached > 0},
            {"sections", sections}};
}

}  // namespace ateliers::web::reports
