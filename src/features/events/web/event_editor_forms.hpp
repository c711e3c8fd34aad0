#pragma once
// The back office's programme forms as data: which fields each form has (label, hint, kind
// of control), filled from what is stored or, after a refusal, from what was typed, with a
// French message per field. One template (events/admin_form) draws them all.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_editor {

struct FieldSpec {
    std::string name, label, hint;
    enum class Control { input, textarea, select, file } control = Control::input;
    int width = 12;  // DSFR grid columns from the md breakpoint
    std::vector<std::pair<std::string, std::string>> options = {};  // value, text
    std::string inputmode = {};
    std::string accept = {};  // file: the extensions offered by the browser's file picker
};

// What came back from a refused submission: which form (`key`), what was typed, and why.
struct Refusal {
    std::string key;
    FormFields typed;
    std::map<std::string, std::string> problems;
    std::string summary;
};

std::vector<FieldSpec> event_fields();
std::vector<FieldSpec> duplicate_fields();
std::vector<FieldSpec> slot_fields();
// `slots`: value (slot id) and text ("Ateliers du jeudi – jeudi 25 novembre, 13 h 45").
std::vector<FieldSpec> item_fields(const std::vector<std::pair<std::string, std::string>>& slots);
std::vector<FieldSpec> speaker_fields(const std::vector<std::pair<std::string, std::string>>& speakers);

// The form's HTML; `stored` fills it unless `refusal` is about this very form (`key`).
std::string form_html(const App& app, const Visitor& visitor, const std::string& key, const std::string& action,
                      const std::string& submit, const std::vector<FieldSpec>& fields, const FormFields& stored,
                      const Refusal* refusal, bool secondary = false, const FormFields& hidden = {});

// Whether `refusal` concerns the form `key` (then its <details> opens).
bool refused(const Refusal* refusal, const std::string& key);

}  // namespace ateliers::web::events_editor
