#pragma once
// Small things every programmes page needs: the visitor as the services' actor, the
// territory's paths, and the login redirect that brings the visitor back.
#include <string>

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

}  // namespace ateliers::web::programmes_pages
