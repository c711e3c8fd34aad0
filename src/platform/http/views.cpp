#include "platform/http/views.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ateliers::web {

namespace mustache = kainjow::mustache;

struct Views::Compiled {
    explicit Compiled(const std::string& text) : tmpl(text) {}
    // kainjow's render is non-const only to record errors raised by partials and
    // lambdas; our templates use neither (checked at load), so concurrent renders
    // of one parsed template only read it.
    mutable mustache::mustache tmpl;
};

namespace {

// kainjow's set() and push_back() copy their argument, so building the tree bottom-up
// copied every value once per level above it (and again on each vector growth: its move
// constructor is not noexcept). Here each child is inserted as an empty placeholder and
// the built child is moved into it: the objects kainjow stores are not const, only its
// accessors are, so the const_cast is sound. On the stakeholder map page (200 actors, 600
// links) this copying was a large share of the render (docs/projects.md, "Benchmark").
mustache::data& stored(const mustache::data* slot) { return const_cast<mustache::data&>(*slot); }

mustache::data to_data(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data d{mustache::data::type::object};
            for (const auto& [k, v] : j.items()) {
                d.set(k, mustache::data{mustache::data::type::bool_false});
                stored(d.get(k)) = to_data(v);
            }
            return d;
        }
        case nlohmann::json::value_t::array: {
            mustache::data d{mustache::data::type::list};
            auto& items = const_cast<mustache::list&>(d.list_value());
            items.reserve(j.size());
            for (const auto& v : j) items.emplace_back(to_data(v));
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

// Rendered straight into one string (kainjow's render(data) goes through an ostringstream).
std::string render_to_string(mustache::mustache& tmpl, const mustache::data& data, std::size_t expected) {
    std::string out;
    out.reserve(expected);
    tmpl.render(data, [&out](const std::string& part) { out += part; });
    return out;
}

}  // namespace

Views::Views(std::map<std::string, std::unique_ptr<Compiled>> templates) : templates_(std::move(templates)) {}
Views::~Views() = default;

Result<std::unique_ptr<Views>> Views::load(const std::string& templates_dir) {
    namespace fs = std::filesystem;
    std::map<std::string, std::unique_ptr<Compiled>> templates;
    std::error_code ec;
    if (!fs::is_directory(templates_dir, ec)) return fail("Dossier des gabarits introuvable : " + templates_dir);
    for (const auto& entry : fs::recursive_directory_iterator(templates_dir)) {
        if (entry.path().extension() != ".mustache") continue;
        std::ifstream in(entry.path());
        std::stringstream buffer;
        buffer << in.rdbuf();
        const auto text = buffer.str();
        if (text.find("{{>") != std::string::npos)
            return fail("Gabarit " + entry.path().string() + " : les partials ne sont pas utilisés ici.");
        auto compiled = std::make_unique<Compiled>(text);
        if (!compiled->tmpl.is_valid())
            return fail("Gabarit " + entry.path().string() + " invalide : " + compiled->tmpl.error_message());
        auto name = fs::relative(entry.path(), templates_dir).replace_extension().string();
        templates.emplace(std::move(name), std::move(compiled));
    }
    if (!templates.count("layout")) return fail("Gabarit layout.mustache manquant dans " + templates_dir);
    return std::unique_ptr<Views>(new Views(std::move(templates)));
}

const Views::Compiled& Views::get(const std::string& name) const {
    const auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("unknown template " + name);
    return *it->second;
}

std::string Views::render_fragment(const std::string& name, const nlohmann::json& data) const {
    return render_to_string(get(name).tmpl, to_data(data), 4096);
}

std::string Views::render_page(const std::string& name, const nlohmann::json& page) const {
    auto data = to_data(page);
    const auto content = render_to_string(get(name).tmpl, data, 64 * 1024);
    data.set("content", content);
    return render_to_string(get("layout").tmpl, data, content.size() + 16 * 1024);
}

}  // namespace ateliers::web
