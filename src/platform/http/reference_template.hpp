#pragma once
// kainjow's Mustache engine, kept as the reference our own renderer is checked
// against (Views' compare mode); pages are not served with it.
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

#include "platform/core/result.hpp"

namespace ateliers::web {

class ReferenceTemplate {
public:
    static Result<std::unique_ptr<ReferenceTemplate>> parse(const std::string& text);
    ~ReferenceTemplate();
    std::string render(const nlohmann::json& data) const;
    // `content` rendered first, set as "content", then the layout (Views::render_page).
    static std::string render_page(const ReferenceTemplate& content, const ReferenceTemplate& layout,
                                   const nlohmann::json& page);

private:
    struct Engine;
    explicit ReferenceTemplate(std::unique_ptr<Engine> engine);
    std::unique_ptr<Engine> engine_;
};

// Empty when equal; otherwise where the two first differ, with some context.
std::string first_difference(const std::string& ours, const std::string& reference);

}  // namespace ateliers::web
