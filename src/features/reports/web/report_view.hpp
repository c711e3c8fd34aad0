#pragma once
// Pieces shared by the report pages: a chart followed by the table of its data,
// figures in French notation, summary tiles and file downloads.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "platform/charts/charts.hpp"
#include "features/reports/services/reports.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::reports {

// A table under a chart: header cells, then rows whose first cell heads the row.
struct DataTable {
    std::string caption;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// The chart as SVG, then its data table (templates/reports/figure.mustache).
std::string figure(const App& app, const std::string& heading, const std::string& svg, const DataTable& table);
std::string bar_figure(const App& app, const std::string& heading, const charts::BarChart& chart,
                       const DataTable& table);

// A breakdown within a cycle as bar chart + table.
std::string tally_figure(const App& app, const std::string& id, const std::string& heading,
                         const std::string& first_column, const std::vector<services::Tally>& lines,
                         const std::string& empty_text);

// "87 %" / "4,3 sur 5" / "12", or "–" when there was nothing to measure.
std::string rate_text(double value, bool measured);
std::string average_text(double value, bool measured);
std::string count_text(long long value);

// A summary tile: "Taux de présence" / "82 %" / "sur 12 séances tenues".
nlohmann::json tile(const std::string& label, const std::string& value, const std::string& note = {});

// "jeudi 14 janvier 2027", or "Aucune séance" when 0.
std::string day_text(std::int64_t utc_seconds);

// The file as an attachment (HEAD: headers only).
Response attachment(const services::ExportFile& file);

}  // namespace ateliers::web::reports
