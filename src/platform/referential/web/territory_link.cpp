#include "platform/referential/web/territory_link.hpp"

namespace ateliers::web {

std::string territory_href(const std::string& collectivite_id) {
    const auto colon = collectivite_id.find(':');
    if (collectivite_id.empty() || colon == std::string::npos) return {};
    const auto kind = collectivite_id.substr(0, colon);
    const auto code = collectivite_id.substr(colon + 1);
    return "/territoires/" + (kind == "region" ? "region-" + code : code);
}

}  // namespace ateliers::web
