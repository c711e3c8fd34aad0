#include "platform/http/views.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "platform/http/page_template.hpp"
#include "platform/http/reference_template.hpp"

namespace ateliers::web {

struct Views::Compiled {
    PageTemplate tmpl;
    std::unique_ptr<ReferenceTemplate> reference;  // only in compare mode
};

namespace {

void check_same(const std::string& name, const std::string& ours, const std::string& reference) {
    if (const auto difference = first_difference(ours, reference); !difference.empty())
        throw std::runtime_error("template " + name + " renders unlike the reference engine " + difference);
}

}  // namespace

Views::Views(std::map<std::string, std::unique_ptr<Compiled>> templates) : templates_(std::move(templates)) {}
Views::~Views() = default;

Result<std::unique_ptr<Views>> Views::load(const std::string& templates_dir, bool compare_with_reference) {
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
        auto parsed = PageTemplate::parse(text);
        if (!parsed) return fail("Gabarit " + entry.path().string() + " invalide : " + parsed.failure().message);
        auto compiled = std::make_unique<Compiled>(Compiled{std::move(parsed.value()), nullptr});
        if (compare_with_reference) {
            auto reference = ReferenceTemplate::parse(text);
            if (!reference)
                return fail("Gabarit " + entry.path().string() + " refusé par le moteur de référence : " +
                            reference.failure().message);
            compiled->reference = std::move(reference.value());
        }
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
    const auto& compiled = get(name);
    auto out = compiled.tmpl.render({&data});
    if (compiled.reference) check_same(name, out, compiled.reference->render(data));
    return out;
}

std::string Views::render_page(const std::string& name, const nlohmann::json& page) const {
    const auto& compiled = get(name);
    const auto& layout = get("layout");
    const nlohmann::json content = {{"content", compiled.tmpl.render({&page})}};
    auto out = layout.tmpl.render({&page, &content});
    if (compiled.reference)
        check_same(name, out, ReferenceTemplate::render_page(*compiled.reference, *layout.reference, page));
    return out;
}

}  // namespace ateliers::web
