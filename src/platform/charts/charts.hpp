#pragma once
// Charts drawn on the server as inline SVG, for the agency's reports: readable
// without JavaScript, printable, and accessible — role="img" with a <title> and a
// <desc> that state the figures, every value also written as text on the chart
// (never carried by colour alone), DSFR colours on a white background so that the
// chart stays legible in dark mode and on paper. Pages follow each chart with a
// table of the same data. Pure: strings in, a string out.
#include <string>
#include <string_view>
#include <vector>

namespace ateliers::charts {

struct Bar {
    std::string label;
    double value = 0;
};

struct BarChart {
    std::string id;     // unique in the page; prefixes the ids of <title> and <desc>
    std::string title;  // also the accessible name
    std::vector<Bar> bars;
    std::string unit;     // written after each value ("%" → "87 %"); empty for plain counts
    int decimals = 0;     // digits after the decimal comma
    double scale_max = 0;  // value drawn at full width; 0: the largest value
    std::string empty_text = "Aucune donnée pour le moment.";
};

// One horizontal bar per item, its label above it and its value after it.
std::string horizontal_bar_svg(const BarChart& chart);

struct StackedBar {
    std::string label;
    std::vector<double> parts;  // one per series, in the order of StackedChart::series
};

struct StackedChart {
    std::string id;
    std::string title;
    std::vector<std::string> series;  // at most 4 distinct colours; also listed in a legend
    std::vector<StackedBar> bars;
    std::string empty_text = "Aucune donnée pour le moment.";
};

// One bar per item split into its parts, each bar followed by a line of text with
// every part ("Présents : 12 · Excusés : 2 · …").
std::string stacked_bar_svg(const StackedChart& chart);

// French number: decimal comma, narrow no-break space between thousands ("1 234,5").
std::string format_number(double value, int decimals);
// format_number plus the unit: "87 %" (narrow no-break space), "4,2 / 5".
std::string format_value(double value, int decimals, const std::string& unit);


}  // namespace ateliers::charts
