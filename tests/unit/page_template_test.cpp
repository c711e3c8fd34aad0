#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/http/page_template.hpp"
#include "platform/http/reference_template.hpp"

using ateliers::web::first_difference;
using ateliers::web::PageTemplate;
using ateliers::web::ReferenceTemplate;
using nlohmann::json;

namespace {

std::string render(const std::string& text, const json& data) {
    auto parsed = PageTemplate::parse(text);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.failure().message);
    return parsed.ok() ? parsed.value().render({&data}) : std::string{};
}

std::string reference(const std::string& text, const json& data) {
    auto parsed = ReferenceTemplate::parse(text);
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? parsed.value()->render(data) : std::string{};
}

}  // namespace

TEST(PageTemplate, EscapesVariablesAndLeavesRawOnesAlone) {
    const json data = {{"name", "<b>Saint-Jean-d'Angély & co</b>"}};
    EXPECT_EQ(render("{{name}}", data), "&lt;b&gt;Saint-Jean-d&#39;Angély &amp; co&lt;/b&gt;");
    EXPECT_EQ(render("{{{name}}}|{{& name }}", data), "<b>Saint-Jean-d'Angély & co</b>|<b>Saint-Jean-d'Angély & co</b>");
}

TEST(PageTemplate, WritesNumbersAndNothingForMissingOrStructuredValues) {
    const json data = {{"seats", 15}, {"ratio", 0.5}, {"flag", true}, {"list", {1, 2}}};
    EXPECT_EQ(render("{{seats}} {{ratio}} [{{flag}}{{list}}{{missing}}]", data), "15 0.5 []");
}

TEST(PageTemplate, RepeatsListsEntersObjectsAndSkipsFalseValues) {
    const json data = {{"cycles", {{{"title", "A"}}, {{"title", "B"}}}},
                       {"owner", {{"name", "Léa"}}},
                       {"none", json::array()},
                       {"off", false},
                       {"nothing", nullptr},
                       {"empty_text", ""}};
    EXPECT_EQ(render("{{#cycles}}<{{title}}>{{/cycles}}", data), "<A><B>");
    EXPECT_EQ(render("{{#owner}}{{name}}{{/owner}}", data), "Léa");
    EXPECT_EQ(render("{{#none}}x{{/none}}{{#off}}x{{/off}}{{#nothing}}x{{/nothing}}{{#missing}}x{{/missing}}", data), "");
    EXPECT_EQ(render("{{^none}}1{{/none}}{{^off}}2{{/off}}{{^nothing}}3{{/nothing}}{{^missing}}4{{/missing}}", data),
              "1234");
    // An empty string is true, as in kainjow: pages pass null to hide a block.
    EXPECT_EQ(render("{{#empty_text}}shown{{/empty_text}}{{^empty_text}}hidden{{/empty_text}}", data), "shown");
}

TEST(PageTemplate, LooksNamesUpFromTheInnermostScopeOutwards) {
    const json data = {{"title", "page"}, {"slug", "s"}, {"items", {{{"title", "item"}}}}, {"a", {{"b", {{"c", "deep"}}}}}};
    EXPECT_EQ(render("{{#items}}{{title}}/{{slug}}{{/items}}", data), "item/s");
    EXPECT_EQ(render("{{a.b.c}}{{#a}}{{b.c}}{{/a}}{{a.x}}", data), "deepdeep");
    EXPECT_EQ(render("{{#items}}{{#title}}{{.}}{{/title}}{{/items}}", data), "item");
}

TEST(PageTemplate, DropsTheLinesOfSectionTagsLikeTheReferenceEngine) {
    const std::string text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n  {{#off}}\nx\n  {{/off}}\n"
                             "{{! note }}\nend {{#items}}{{/items}}  \n  {{^items}}none{{/items}}\n";
    for (const json& data : {json{{"items", {"a", "b"}}, {"off", false}}, json{{"items", json::array()}}}) {
        const auto ours = render(text, data);
        EXPECT_EQ(first_difference(ours, reference(text, data)), "") << ours;
    }
    // The list's tag lines leave nothing; a section that did not render leaves its blanks.
    EXPECT_EQ(render(text, {{"items", {"a", "b"}}}), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n  \n\nend   \n  \n");
}

TEST(PageTemplate, RefusesMalformedTemplatesWithAMessage) {
    for (const std::string bad : {"{{#a}}never closed", "{{/a}}", "{{#a}}{{/b}}", "{{name", "{{> partial}}", "{{=<% %>=}}"}) {
        auto parsed = PageTemplate::parse(bad);
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_FALSE(parsed.failure().message.empty());
    }
}

TEST(PageTemplate, FirstDifferenceSaysWhere) {
    EXPECT_EQ(first_difference("abc", "abc"), "");
    EXPECT_NE(first_difference("abc", "abd").find("at byte 2"), std::string::npos);
    EXPECT_NE(first_difference("ab", "abc").find("at byte 2"), std::string::npos);
}
