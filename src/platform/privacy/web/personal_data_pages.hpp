#pragma once
// The pages of "Mes données": see, download and erase what the platform holds about
// oneself; organisers do the same for a person who asks them.
#include <optional>
#include <string>
#include <vector>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"
#include "platform/privacy/personal_data.hpp"

namespace ateliers::web::privacy {

using Sources = std::vector<ateliers::privacy::PersonalDataSource>;

Response my_data_page(const App& app, const Visitor& visitor, const Sources& sources);
Response my_data_json(const App& app, const Visitor& visitor, const Sources& sources);
Response erase_form(const App& app, const Visitor& visitor);
Response erase_own_account(const App& app, const Visitor& visitor, const FormFields& form, const Sources& sources);
Response erased_page(const App& app, const Visitor& visitor);

// `rest`: what follows /admin/donnees-personnelles ("", "/12", "/12.json", "/12/effacer").
std::optional<Response> admin_personal_data(const App& app, const Request& req, const Visitor& visitor,
                                            const FormFields* form, const std::string& rest, const Sources& sources);

}  // namespace ateliers::web::privacy
