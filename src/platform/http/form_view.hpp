#pragma once
// Shapes a form's values and errors for the templates (DSFR error states and the
// summary list at the top of the form that links to each faulty field).
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace ateliers::web {

nlohmann::json form_errors_view(const std::string& summary, const std::map<std::string, std::string>& fields);

}  // namespace ateliers::web
