#pragma once
// The collectivité field of a form: an accessible autocomplete with JavaScript,
// and a plain search that the server resolves without it.
#include <nlohmann/json.hpp>

#include <string>

#include "platform/store/database.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

struct PickedCollectivite {
    std::string id;             // empty when not resolved
    nlohmann::json view;        // data for the picker in the template
    std::string problem;        // French message for the field, empty when fine
};

// Uses the hidden "collectivite" value when set; otherwise searches the typed
// "collectivite_q" and picks the match when it is unambiguous, or offers choices.
PickedCollectivite pick_collectivite(store::Database& db, const FormFields& form);

// Picker data for a blank or pre-filled form.
nlohmann::json collectivite_picker_view(store::Database& db, const std::string& id, const std::string& typed);

}  // namespace ateliers::web
