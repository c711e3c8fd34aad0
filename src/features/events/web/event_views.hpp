#pragma once
// Shapes an event and its programme for the templates and for schema.org JSON-LD.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "features/events/services/event_programme.hpp"

namespace ateliers::web::events_pages {

nlohmann::json event_card_view(const store::EventRow& e, long long now);
// `chosen`: slot id -> workshop id of the visitor's choices, to pre-select them.
nlohmann::json programme_view(const services::EventProgramme& p, const std::map<long long, long long>& chosen);
nlohmann::json json_ld(const services::EventProgramme& p, const std::string& base_url);
// One paragraph per non-blank line.
nlohmann::json paragraphs(const std::string& text);
// "jean@unadel.org" -> "jean [at] unadel.org", as the published page writes it: never in clear.
std::string obfuscated_email(const std::string& email);

}  // namespace ateliers::web::events_pages
