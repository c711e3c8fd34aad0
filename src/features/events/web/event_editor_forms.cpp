#include "features/events/web/event_editor_forms.hpp"

namespace ateliers::web::events_editor {

namespace {

using Control = FieldSpec::Control;
using Options = std::vector<std::pair<std::string, std::string>>;

const Options item_kinds{{"plenary", "Plénière"},     {"workshop", "Atelier (dans un créneau)"},
                         {"round_table", "Table ronde"}, {"witnesses", "Grands témoins"},
                         {"talk", "Intervention"},     {"break", "Pause"},
                         {"meal", "Repas"}};

}  // namespace

std::vector<FieldSpec> event_fields() {
    return {
        {"title", "Titre", "", Control::input, 8},
        {"kind", "Type", "", Control::select, 4,
         {{"", "Choisissez"}, {"journees", "Journées"}, {"seminaire", "Séminaire"}, {"rencontre", "Rencontre"}, {"webinaire", "Webinaire"}}},
        {"slug", "Adresse courte", "Vide : tirée du titre, par exemple « journees-2027 »", Control::input, 12},
        {"start_date", "Date de début", "JJ/MM/AAAA", Control::input, 3},
        {"start_time", "Heure de début", "Par exemple 9:30", Control::input, 3},
        {"end_date", "Date de fin", "JJ/MM/AAAA", Control::input, 3},
        {"end_time", "Heure de fin", "Par exemple 17:30", Control::input, 3},
        {"venue", "Lieu", "Par exemple « Halle Pajol »", Control::input, 6},
        {"address", "Adresse", "", Control::input, 6},
        {"pmr_access", "Accès PMR", "Par exemple « Oui »", Control::input, 4},
        {"meals", "Repas", "Par exemple « Déjeuners offerts »", Control::input, 4},
        {"capacity", "Nombre de places", "", Control::input, 4, {}, "numeric"},
        {"online_policy", "Participation en ligne", "Par exemple « lien envoyé la veille aux inscrit·es »", Control::input, 12},
        {"summary", "Résumé", "Une ou deux phrases pour la liste des événements", Control::textarea, 12},
        {"description", "Présentation", "", Control::textarea, 12},
        {"organisers", "Organisateurs", "", Control::textarea, 6},
        {"contacts", "Contacts", "", Control::textarea, 6},
    };
}

std::vector<FieldSpec> duplicate_fields() {
    return {{"title", "Titre de la copie", "", Control::input, 6},
            {"slug", "Adresse courte", "Vide : tirée du titre", Control::input, 3},
            {"days", "Décalage des dates, en jours", "364 : même jour de la semaine un an plus tard", Control::input, 3, {}, "numeric"}};
}

std::vector<FieldSpec> slot_fields() {
    return {{"title", "Titre du créneau", "Par exemple « Ateliers de l’après-midi »", Control::input, 12},
            {"day", "Jour", "JJ/MM/AAAA", Control::input, 4},
            {"start_time", "Début", "Par exemple 13:45", Control::input, 4},
            {"end_time", "Fin", "Par exemple 15:30", Control::input, 4},
            {"description", "Présentation", "", Control::textarea, 12}};
}

std::vector<FieldSpec> item_fields(const Options& slots) {
    Options slot_options{{"", "Aucun (plénière)"}};
    slot_options.insert(slot_options.end(), slots.begin(), slots.end());
    return {{"kind", "Type", "", Control::select, 4, item_kinds},
            {"title", "Titre", "", Control::input, 8},
            {"slot_id", "Créneau d’ateliers", "Pour un atelier seulement", Control::select, 12, slot_options},
            {"day", "Jour", "JJ/MM/AAAA ; pour un atelier, le jour de son créneau", Control::input, 4},
            {"start_time", "Début", "Hors atelier, par exemple 9:30", Control::input, 4},
            {"end_time", "Fin", "Facultatif", Control::input, 4},
            {"room", "Salle", "", Control::input, 8},
            {"capacity", "Capacité", "Ateliers ; vide : sans limite", Control::input, 4, {}, "numeric"},
            {"description", "Présentation", "", Control::textarea, 12}};
}

std::vector<FieldSpec> speaker_fields(const Options& speakers) {
    Options choices{{"", "Nouvelle personne (remplir ci-dessous)"}};
    choices.insert(choices.end(), speakers.begin(), speakers.end());
    return {{"speaker_id", "Intervenant·e déjà au programme", "", Control::select, 6, choices},
            {"role", "Rôle", "", Control::select, 6,
             {{"speaker", "Intervention"}, {"moderator", "Animation"}, {"witness", "Grand témoin"}, {"introduction", "Introduction"}}},
            {"full_name", "Nom", "Nouvelle personne", Control::input, 4},
            {"function_title", "Fonction", "", Control::input, 4},
            {"organisation", "Organisation", "", Control::input, 4}};
}

bool refused(const Refusal* refusal, const std::string& key) { return refusal && refusal->key == key; }

std::string form_html(const App& app, const Visitor& visitor, const std::string& key, const std::string& action,
                      const std::string& submit, const std::vector<FieldSpec>& fields, const FormFields& stored,
                      const Refusal* refusal, bool secondary, const FormFields& hidden) {
    const bool mine = refused(refusal, key);
    const auto& values = mine ? refusal->typed : stored;
    nlohmann::json list = nlohmann::json::array();
    nlohmann::json problems = nlohmann::json::array();
    bool multipart = false;  // a form with a file is sent as multipart/form-data
    for (const auto& f : fields) {
        const auto value = field(values, f.name);
        nlohmann::json v{{"id", key + "-" + f.name},
                         {"name", f.name},
                         {"label", f.label},
                         {"value", value},
                         {"width", f.width},
                         {"is_input", f.control == Control::input},
                         {"is_textarea", f.control == Control::textarea},
                         {"is_select", f.control == Control::select},
                         {"is_file", f.control == Control::file}};
        if (f.control == Control::file) multipart = true;
        if (!f.accept.empty()) v["accept"] = f.accept;
        if (!f.hint.empty()) v["hint"] = f.hint;
        if (!f.inputmode.empty()) v["inputmode"] = f.inputmode;
        if (mine && refusal->problems.count(f.name)) {
            v["error"] = refusal->problems.at(f.name);
            problems.push_back({{"anchor", key + "-" + f.name}, {"message", refusal->problems.at(f.name)}});
        }
        nlohmann::json options = nlohmann::json::array();
        for (const auto& [option, text] : f.options) options.push_back({{"value", option}, {"text", text}, {"selected", option == value}});
        v["options"] = options;
        list.push_back(v);
    }
    nlohmann::json hidden_list = nlohmann::json::array();
    for (const auto& [name, value] : hidden) hidden_list.push_back({{"name", name}, {"value", value}});
    nlohmann::json data{{"hidden", hidden_list},
                        {"action", action},
                        {"submit", submit},
                        {"fields", list},
                        {"secondary", secondary},
                        {"multipart", multipart},
                        {"csrf_token", visitor.csrf_token()},
                        {"has_problems", mine},
                        {"summary", mine ? refusal->summary : std::string()},
                        {"problems", problems}};
    return app.fragment("events/admin_form", data);
}

}  // namespace ateliers::web::events_editor
