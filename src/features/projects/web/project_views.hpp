#pragma once
// Shared pieces of the project pages' data.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "features/projects/domain/stages.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::project_pages {

// The three stages as badges: number, label, state name, whether current.
nlohmann::json stages_view(const std::vector<projects::StageState>& states);
// A service failure as a page (404, 403, 409…).
Response failure_page(const App& app, const Visitor& visitor, const Failure& f);
nlohmann::json paragraphs(const std::string& text);

}  // namespace ateliers::web::project_pages
