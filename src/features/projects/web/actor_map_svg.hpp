#pragma once
// The stakeholder map as an inline SVG drawn on the server: readable without JavaScript,
// printable, with role="img", a title and a description; the table beside it carries every
// detail for screen readers. With JavaScript (static/js/projects-map.js) the nodes can be
// dragged; `move_url` ("…/acteurs/{id}/position") and `csrf` are left empty for readers.
#include <string>

#include "features/projects/services/actors_service.hpp"

namespace ateliers::web::project_pages {

std::string actor_map_svg(const services::ActorMapView& map, const std::string& move_url, const std::string& csrf);

// At most `max` characters of valid UTF-8, with "…" when cut.
std::string shorten(const std::string& s, std::size_t max);

}  // namespace ateliers::web::project_pages
