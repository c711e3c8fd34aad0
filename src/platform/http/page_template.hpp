#pragma once
// A Mustache template parsed once and rendered straight from nlohmann::json.
//
// Why not kainjow's renderer: it needs the page data converted into its own tree
// first, and renders through std::function callbacks and string streams; on the
// pages of `bench/http.sh` that was 25 to 45 % of a request. This renderer walks
// the parsed template over the JSON the handlers already built, and writes into
// one string. It implements the subset of Mustache our templates use, with
// kainjow's exact output (Views can compare the two on every page: --check-templates):
//   {{name}} escaped, {{{name}}} and {{&name}} raw, {{a.b}} dotted names, {{.}},
//   {{#name}}…{{/name}} (lists repeat, objects and other true values enter once),
//   {{^name}}…{{/name}}, {{! comments }}; no partials, lambdas or delimiter changes.
// Values: strings as they are, integers in decimal; false, null and empty lists are
// false for sections; an empty string is true.
// Lines: a line that held a section tag which rendered and is left with only blanks
// is dropped, as kainjow does (so section tags on lines of their own leave no
// blank lines behind).
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "platform/core/result.hpp"

namespace ateliers::web {

class PageTemplate {
public:
    static Result<PageTemplate> parse(std::string_view text);

    // `scopes` is the context stack, outermost first: names are looked up from the
    // last scope back to the first.
    std::string render(const std::vector<const nlohmann::json*>& scopes) const;

    struct Node {
        enum class Kind { text, newline, escaped, raw, section, inverted };
        Kind kind = Kind::text;
        std::string text;               // text and newline nodes
        std::vector<std::string> path;  // the dotted name split; empty for {{.}}
        std::vector<Node> children;     // sections
    };

private:
    explicit PageTemplate(std::vector<Node> nodes, std::size_t text_size)
        : nodes_(std::move(nodes)), text_size_(text_size) {}
    std::vector<Node> nodes_;
    std::size_t text_size_ = 0;  // bytes of literal text, to size the output once
};

}  // namespace ateliers::web
