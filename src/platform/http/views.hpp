#pragma once
// Mustache templates (templates/*.mustache), parsed once at start-up. A page is
// rendered from its own template, then wrapped in layout.mustache.
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <memory>
#include <string>

#include "platform/core/result.hpp"

namespace ateliers::web {

class Views {
public:
    // With `compare_with_reference`, every rendering is also done by kainjow's
    // Mustache engine and a difference throws: the test servers run so, which makes
    // every page the suite visits a check of our renderer (page_template.hpp).
    static Result<std::unique_ptr<Views>> load(const std::string& templates_dir, bool compare_with_reference = false);
    ~Views();

    // `page` holds the page's data; the layout also reads "title" and "layout" from it.
    std::string render_page(const std::string& name, const nlohmann::json& page) const;
    // A template without the layout (e-mail bodies, fragments).
    std::string render_fragment(const std::string& name, const nlohmann::json& data) const;

private:
    struct Compiled;
    explicit Views(std::map<std::string, std::unique_ptr<Compiled>> templates);
    const Compiled& get(const std::string& name) const;
    std::map<std::string, std::unique_ptr<Compiled>> templates_;
};

}  // namespace ateliers::web
