#pragma once
// The selection rounds of cycles "sur candidature", under /admin/selections.

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

namespace admin {

// DEADLINE: the rounds' closing time, seconds since the epoch)
Response selection_rounds_page(const App& app, const Request& req, Visitor& visitor);
Response selection_round_page(const App& app, const Request& req, Visitor& visitor, const std::string& deadline);
Response selection_round_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                                const std::string& deadline, const std::string& action);

}  // namespace admin

}  // namespace ateliers::web
