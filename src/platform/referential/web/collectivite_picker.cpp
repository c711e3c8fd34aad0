#include "platform/referential/web/collectivite_picker.hpp"

#include "platform/core/text.hpp"
#include "platform/referential/collectivites.hpp"

namespace ateliers::web {

nlohmann::json collectivite_picker_view(store::Database& db, const std::string& id, const std::string& typed) {
    nlohmann::json view{{"id", id}, {"typed", typed}, {"choices", nlohmann::json::array()}};
    if (!id.empty()) {
        soci::session sql(db.pool());
        if (auto c = store::find_collectivite(sql, id)) view["typed"] = store::collectivite_label(*c);
    }
    return view;
}

PickedCollectivite pick_collectivite(store::Database& db, const FormFields& form) {
    const auto id = text::trim(field(form, "collectivite"));
    const auto typed = text::trim(field(form, "collectivite_q"));
    PickedCollectivite out;
    soci::session sql(db.pool());
    if (!id.empty()) {
        const auto found = store::find_collectivite(sql, id);
        if (found) {
            out.id = id;
            out.view = {{"id", id}, {"typed", store::collectivite_label(*found)}, {"choices", nlohmann::json::array()}};
        } else {
            out.view = {{"id", ""}, {"typed", typed}, {"choices", nlohmann::json::array()}};
            out.problem = "La collectivité choisie est introuvable dans le référentiel. Tapez son nom, son code "
                          "INSEE ou son SIREN, puis choisissez-la dans la liste.";
        }
        return out;
    }
    out.view = {{"id", ""}, {"typed", typed}, {"choices", nlohmann::json::array()}};
    if (typed.empty()) return out;  // the required-field rule reports it
    const auto matches = store::search_collectivites(sql, typed, 12);
    const auto folded = text::fold_for_search(typed);
    std::vector<store::CollectiviteRow> exact;
    for (const auto& m : matches)
        if (m.code == typed || text::fold_for_search(m.name) == folded ||
            text::fold_for_search(store::collectivite_label(m)) == folded)
            exact.push_back(m);
    if (exact.size() == 1 || matches.size() == 1) {
        const auto& chosen = exact.size() == 1 ? exact.front() : matches.front();
        out.id = chosen.id;
        out.view["id"] = chosen.id;
        out.view["typed"] = store::collectivite_label(chosen);
        return out;
    }
    if (matches.empty()) {
        out.problem = "Aucune collectivité ne correspond à « " + typed +
                      " ». Vérifiez l'orthographe, ou tapez le code INSEE de la commune ou le SIREN de "
                      "l'intercommunalité.";
        return out;
    }
    int index = 0;
    for (const auto& m : matches)
        out.view["choices"].push_back({{"id", m.id}, {"label", store::collectivite_label(m)}, {"index", ++index}});
    out.view["has_choices"] = true;
    out.problem = "Plusieurs collectivités correspondent à « " + typed + " » : choisissez la vôtre dans la liste.";
    return out;
}

}  // namespace ateliers::web
