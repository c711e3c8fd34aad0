#pragma once
// Small things every programmes page needs: the visitor as the services' actor, the
// territory's paths, and the login redirect that brings the visitor back.
#include <string>

#include <nlohmann/json.hpp>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::programmes_pages {

inline const services::CurrentUser* user_of(const Visitor& visitor) { return visitor.user ? &*visitor.user : nullptr; }

inline std::string territory_path(const std::string& slug, long long territory_id) {
    return "/programmes/" + slug + "/territoires/" + std::to_string(territory_id);
}

inline Response login_first(const std::string& back_to) {
    return redirect_to("/compte/connexion?suivant=" + url_encode(back_to));
}

// kainjow's mustache takes an empty string for true, so `{{#notice}}…{{/notice}}` would
// show an empty box: empty strings are dropped before rendering (missing reads as false).
inline void drop_empty_text(nlohmann::json& j) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end();) {
            if (it->is_string() && it->get_ref<const std::string&>().empty()) it = j.erase(it);
            else drop_empty_text(*it), ++it;
        }
    } else if (j.is_array()) {
        for (auto& x : j) drop_empty_text(x);
    }
}

inline Response render_page(const App& app, const Visitor& visitor, const std::string& name, nlohmann::json data,
                            int status = 200) {
    drop_empty_text(data);
    return app.page(visitor, name, std::move(data), status);
}

inline std::string render_fragment(const App& app, const std::string& name, nlohmann::json data) {
    drop_empty_text(data);
    return app.fragment(name, data);
}

}  // namespace ateliers::web::programmes_pages
