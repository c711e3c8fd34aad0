#include <gtest/gtest.h>

#include <regex>

#include "platform/charts/charts.hpp"

using namespace ateliers::charts;

namespace {

// width="…" of each bar (the <rect> filled with the first series colour), in order.
std::vector<double> bar_widths(const std::string& svg) {
    static const std::regex bar(R"re(<rect x="8" y="[0-9.]+" width="([0-9.]+)" height="20" fill="#000091")re");
    std::vector<double> out;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1]));
    return out;
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

BarChart regions() {
    BarChart c;
    c.id = "graphique-regions";
    c.title = "Participants par région";
    c.bars = {{"Auvergne-Rhône-Alpes", 10}, {"Bretagne", 5}, {"Corse", 0}};
    return c;
}

}  // namespace

TEST(Charts, BarChartIsAnImageNamedByItsTitleAndDescribedByItsData) {
    const auto svg = horizontal_bar_svg(regions());
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("aria-labelledby=\"graphique-regions-titre\""), std::string::npos);
    EXPECT_NE(svg.find("aria-describedby=\"graphique-regions-desc\""), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"graphique-regions-titre\">Participants par région</title>"), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"graphique-regions-desc\">Participants par région. Auvergne-Rhône-Alpes : 10 ; "
                       "Bretagne : 5 ; Corse : 0.</desc>"),
              std::string::npos);
    EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(Charts, BarsAreProportionalToTheLargestValueAndZeroDrawsNoBar) {
    const auto widths = bar_widths(horizontal_bar_svg(regions()));
    ASSERT_EQ(widths.size(), 2u) << "no bar for Corse (0)";
    EXPECT_NEAR(widths[0], 2 * widths[1], 0.2);
    EXPECT_NEAR(widths[0], 720 - 16 - 130, 0.1) << "the largest value takes the whole bar area";
}

TEST(Charts, ScaleMaxFixesTheFullWidthForPercentages) {
    BarChart c;
    c.id = "taux";
    c.title = "Taux de présence";
    c.unit = "%";
    c.scale_max = 100;
    c.bars = {{"Cycle A", 50}, {"Cycle B", 25}};
    const auto widths = bar_widths(horizontal_bar_svg(c));
    ASSERT_EQ(widths.size(), 2u);
    EXPECT_NEAR(widths[0], (720 - 16 - 130) / 2.0, 0.1);
    EXPECT_NEAR(widths[1], (720 - 16 - 130) / 4.0, 0.1);
}

TEST(Charts, EveryValueIsWrittenAsTextWithItsUnit) {
    BarChart c;
    c.id = "satisfaction";
    c.title = "Satisfaction";
    c.unit = "%";
    c.decimals = 1;
    c.bars = {{"Élus", 87.25}, {"Agents", 1234.5}};
    const auto svg = horizontal_bar_svg(c);
    EXPECT_NE(svg.find(">87,3\u202F%</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">1\u202F234,5\u202F%</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">Élus</text>"), std::string::npos);
    EXPECT_NE(horizontal_bar_svg(regions()).find(">0</text>"), std::string::npos) << "a zero is written too";
}

TEST(Charts, LabelsAndTitlesAreEscaped) {
    BarChart c;
    c.id = "x\"><script>";
    c.title = "Titre <b>& \"co\"";
    c.bars = {{"<script>alert('x')</script>", 3}};
    const auto svg = horizontal_bar_svg(c);
    EXPECT_EQ(svg.find("<script>"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"xscript-titre\">Titre &lt;b&gt;&amp; &quot;co&quot;</title>"), std::string::npos)
        << "the id keeps only safe characters";
}

TEST(Charts, EmptyDataSaysSoInTheChartAndItsDescription) {
    BarChart c;
    c.id = "vide";
    c.title = "Pistes d’action";
    c.empty_text = "Aucune piste d’action enregistrée.";
    const auto svg = horizontal_bar_svg(c);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"vide-desc\">Aucune piste d’action enregistrée.</desc>"), std::string::npos);
    EXPECT_NE(svg.find(">Aucune piste d’action enregistrée.</text>"), std::string::npos);
    EXPECT_TRUE(bar_widths(svg).empty());
}

TEST(Charts, LongLabelsWrapOnSeveralLines) {
    BarChart c;
    c.id = "long";
    c.title = "Long";
    std::string label;
    for (int i = 0; i < 30; ++i) label += "mot" + std::to_string(i) + " ";
    c.bars = {{label, 1}};
    const auto svg = horizontal_bar_svg(c);
    EXPECT_GE(occurrences(svg, "<text "), 3u) << "two label lines and the value";
    EXPECT_NE(svg.find(">mot0 "), std::string::npos);
    EXPECT_NE(svg.find(" mot29</text>"), std::string::npos);
}

TEST(Charts, StackedBarsWriteEveryPartAndHaveALegend) {
    StackedChart c;
    c.id = "presence";
    c.title = "Présence par séance";
    c.series = {"Présents", "Excusés", "Absents"};
    c.bars = {{"Séance 1", {8, 2, 0}}, {"Séance 2", {5, 0, 5}}};
    const auto svg = stacked_bar_svg(c);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find(">Présents : 8 · Excusés : 2 · Absents : 0</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">Présents : 5 · Excusés : 0 · Absents : 5</text>"), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"presence-desc\">Présence par séance. Séance 1 : Présents : 8 · Excusés : 2 · "
                       "Absents : 0 ; Séance 2 : Présents : 5 · Excusés : 0 · Absents : 5.</desc>"),
              std::string::npos);
    for (const char* legend : {">Présents</text>", ">Excusés</text>", ">Absents</text>"})
        EXPECT_NE(svg.find(legend), std::string::npos) << legend;
    // Session 2: 5 present and 5 absent split the full width in halves.
    static const std::regex part(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="20" fill="(#[0-9a-f]+)")re");
    std::vector<std::pair<double, std::string>> parts;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), part); it != std::sregex_iterator(); ++it)
        parts.emplace_back(std::stod((*it)[2]), (*it)[3]);
    ASSERT_EQ(parts.size(), 4u);  // 8 + 2, then 5 + 5
    EXPECT_NEAR(parts[0].first, 704 * 0.8, 0.1);
    EXPECT_NEAR(parts[2].first, 704 * 0.5, 0.1);
    EXPECT_NEAR(parts[3].first, 704 * 0.5, 0.1);
    EXPECT_NE(parts[2].second, parts[3].second) << "each series has its own colour";
}

TEST(Charts, StackedWithoutBarsShowsTheEmptyMessage) {
    StackedChart c;
    c.id = "p";
    c.title = "Présence";
    c.series = {"Présents"};
    EXPECT_NE(stacked_bar_svg(c).find(">Aucune donnée pour le moment.</text>"), std::string::npos);
}

TEST(Charts, FrenchNumbers) {
    EXPECT_EQ(format_number(0, 0), "0");
    EXPECT_EQ(format_number(-0.01, 1), "0,0");
    EXPECT_EQ(format_number(4.25, 1), "4,3") << "half up, as people round (printf alone gives 4.2)";
    EXPECT_EQ(format_number(2.5, 0), "3");
    EXPECT_EQ(format_number(1234567, 0), "1\u202F234\u202F567");
    EXPECT_EQ(format_number(999, 0), "999");
    EXPECT_EQ(format_value(87, 0, "%"), "87\u202F%");
    EXPECT_EQ(format_value(4.2, 1, "/ 5"), "4,2\u00A0/ 5");
    EXPECT_EQ(format_number(0.0 / 0.0, 1), "0,0") << "never NaN on a page";
}
