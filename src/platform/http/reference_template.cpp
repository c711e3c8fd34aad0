#include "platform/http/reference_template.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "platform/core/text.hpp"

namespace ateliers::web {

namespace mustache = kainjow::mustache;

struct ReferenceTemplate::Engine {
    explicit Engine(const std::string& text) : tmpl(text) {
        tmpl.set_custom_escape([](const std::string& s) { return text::escape_html(s); });
    }
    // kainjow's render is non-const only to record errors raised by partials and
    // lambdas; our templates use neither, so concurrent renders only read it.
    mutable mustache::mustache tmpl;
};

namespace {

mustache::data to_data(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data d{mustache::data::type::object};
            for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
            return d;
        }
        case nlohmann::json::value_t::array: {
            mustache::data d{mustache::data::type::list};
            for (const auto& v : j) d.push_back(to_data(v));
            return d;
        }
        case nlohmann::json::value_t::string: return mustache::data{j.get_ref<const std::string&>()};
        case nlohmann::json::value_t::boolean:
            return j.get<bool>() ? mustache::data{mustache::data::type::bool_true}
                                 : mustache::data{mustache::data::type::bool_false};
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return mustache::data{std::to_string(j.get<long long>())};
        case nlohmann::json::value_t::number_float: return mustache::data{j.dump()};
        default: return mustache::data{mustache::data::type::bool_false};
    }
}

}  // namespace

ReferenceTemplate::ReferenceTemplate(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}
ReferenceTemplate::~ReferenceTemplate() = default;

Result<std::unique_ptr<ReferenceTemplate>> ReferenceTemplate::parse(const std::string& text) {
    auto engine = std::make_unique<Engine>(text);
    if (!engine->tmpl.is_valid()) return fail(engine->tmpl.error_message());
    return std::unique_ptr<ReferenceTemplate>(new ReferenceTemplate(std::move(engine)));
}

std::string ReferenceTemplate::render(const nlohmann::json& data) const { return engine_->tmpl.render(to_data(data)); }

std::string ReferenceTemplate::render_page(const ReferenceTemplate& content, const ReferenceTemplate& layout,
                                           const nlohmann::json& page) {
    auto data = to_data(page);
    data.set("content", content.engine_->tmpl.render(data));
    return layout.engine_->tmpl.render(data);
}

std::string first_difference(const std::string& ours, const std::string& reference) {
    const auto [a, b] = std::mismatch(ours.begin(), ours.end(), reference.begin(), reference.end());
    if (a == ours.end() && b == reference.end()) return {};
    const auto at = static_cast<std::size_t>(a - ours.begin());
    const auto from = at > 80 ? at - 80 : 0;
    return "at byte " + std::to_string(at) + ": ours «" + ours.substr(from, at - from + 80) + "» reference «" +
           reference.substr(from, at - from + 80) + "»";
}

}  // namespace ateliers::web
