#include "features/reports/web/report_view.hpp"

#include "platform/core/paris_time.hpp"

namespace ateliers::web::reports {

using nlohmann::json;

std::string figure(const App& app, const std::string& heading, const std::string& svg, const DataTable& table) {
    json rows = json::array();
    for (const auto& r : table.rows) {
        if (r.empty()) continue;
        rows.push_back({{"head", r.front()}, {"cells", std::vector<std::string>(r.begin() + 1, r.end())}});
    }
    return app.fragment("reports/figure", {{"heading", heading},
                                           {"svg", svg},
                                           {"caption", table.caption},
                                           {"headers", table.headers},
                                           {"columns", table.headers.size()},
                                           {"rows", rows},
                                           {"empty", rows.empty()}});
}

std::string bar_figure(const App& app, const std::string& heading, const charts::BarChart& chart,
                       const DataTable& table) {
    return figure(app, heading, charts::horizontal_bar_svg(chart), table);
}

std::string tally_figure(const App& app, const std::string& id, const std::string& heading,
                         const std::string& first_column, const std::vector<services::Tally>& lines,
                         const std::string& empty_text) {
    charts::BarChart chart;
    chart.id = id;
    chart.title = heading;
    chart.empty_text = empty_text;
    DataTable table{heading + " : nombre de participants", {first_column, "Participants"}, {}};
    for (const auto& l : lines) {
        chart.bars.push_back({l.label, static_cast<double>(l.count)});
        table.rows.push_back({l.label, count_text(l.count)});
    }
    return bar_figure(app, heading, chart, table);
}

std::string rate_text(double value, bool measured) {
    return measured ? charts::format_value(value, 0, "%") : "–";
}

std::string average_text(double value, bool measured) {
    return measured ? charts::format_number(value, 1) + " sur 5" : "–";
}

std::string count_text(long long value) { return charts::format_number(static_cast<double>(value), 0); }

json tile(const std::string& label, const std::string& value, const std::string& note) {
    json t{{"value", value}, {"label", label}};
    if (!note.empty()) t["note"] = note;
    return t;
}

std::string day_text(std::int64_t utc_seconds) {
    return utc_seconds > 0 ? paris_time::long_date(utc_seconds) : "Aucune séance";
}

Response attachment(const services::ExportFile& file) {
    Response r;
    r.content_type = file.content_type;
    r.body = file.bytes;
    r.header("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
    r.header("Cache-Control", "no-store");
    return r;
}

}  // namespace ateliers::web::reports
