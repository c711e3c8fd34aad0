#include "cli/demo/demo_projects.hpp"

#include "features/projects/services/deliverables_service.hpp"
#include "features/projects/services/projects_service.hpp"

namespace ateliers::services {

namespace {

const char* territory = "departement:81";
const char* title = "Management des organisations par la coopération";
const char* team_email = "equipe.demo@pole-territorial.example";
const char* advisor_email = "accompagnement.demo@anct.example";

CurrentUser demo_user(const std::string& email, const std::string& name, bool organiser) {
    CurrentUser u;
    u.email = email;
    u.full_name = name;
    u.roles = {"participant"};
    if (organiser) u.roles.push_back("organiser");
    return u;
}

// Answers taken from seed 004's account of the pilot.
const char* intention[] = {
    "Management des organisations par la coopération : créer ou renforcer les transversalités entre les équipes "
    "techniques des 5 communautés de communes du Pôle, pour répondre aux enjeux liés aux transitions.",
    "Le diagnostic initial révèle deux visions contradictoires du « Pôle » : une strate administrative "
    "complémentaire voire additionnelle, ou une échelle cohérente d’obtention et de mutualisation de moyens, à "
    "condition de développer une organisation fondée sur la coopération.",
    "Oui : le diagnostic sur les capacités de portage et de pilotage d’une transition systémique au niveau du Pôle "
    "recommande un diagnostic complémentaire sur la coopération et l’organisation des équipes techniques.",
    "En intégrant davantage les logiques de coopération et de transversalité dans les actions et les modes de faire "
    "du Pôle, et en musclant l’approche systémique de ses projets.",
};
const char* cadrage[] = {
    "Trois catégories d’acteurs qui ont des clés pour organiser cette coopération : techniciens, DGS, élus. "
    "Partenaire : l’antenne tarnaise du CNFPT.",
    "Qualifier les points de vue collectifs, révéler les besoins, faire émerger des premières propositions vers un "
    "nouveau cadre d’organisation (protocole expérimental « entre pairs »).",
};

}  // namespace

Result<DemoProjectCounts> seed_demo_projects(store::Database& db) {
    DemoProjectCounts counts;
    const auto organiser = demo_user("organisation.demo@anct.example", "Équipe de l’agence (démonstration)", true);
    auto existing = visible_projects(db, organiser);
    if (!existing) return existing.failure();
    for (const auto& p : existing.value())
        if (p.project.demo && p.project.title == title) return counts;
    auto id = create_project(db, nullptr,
                             {title, territory,
                              "Démonstration — territoire pilote de la Fabrique des Transitions : un pôle territorial rural "
                              "du Tarn, 5 EPCI, 100 communes, 59 500 habitants, 35 hab./km².\n"
                              "40 managers des 5 communautés de communes ont suivi un cycle de formation expérimental de 5 "
                              "jours avec l’antenne tarnaise du CNFPT.",
                              true});
    if (!id) {
        if (id.failure().field == "territory_id") {
            counts.territory_missing = true;
            return counts;
        }
        return id.failure();
    }
    counts.projects = 1;
    if (auto m = add_project_member(db, nullptr, id.value(), team_email, "team"); !m) return m.failure();
    if (auto m = add_project_member(db, nullptr, id.value(), advisor_email, "advisor"); !m) return m.failure();
    const auto team = demo_user(team_email, "Équipe du Pôle (démonstration)", false);
    const auto advisor = demo_user(advisor_email, "Accompagnement ANCT (démonstration)", false);
    auto file = project_file(db, team, id.value());
    if (!file) return file.failure();
    const auto& d1 = file->deliverables[0].questions;
    for (std::size_t i = 0; i < d1.size() && i < 4; ++i)
        if (auto s = save_answer(db, team, id.value(), 1, d1[i].question.id, intention[i], 0); !s) return s.failure();
    if (auto s = submit_deliverable(db, team, id.value(), 1); !s) return s.failure();
    if (auto r = review_deliverable(db, advisor, id.value(), 1,
                                    {{d1[1].question.id, "Les deux visions du Pôle sont bien posées : à reprendre dans la note de cadrage."}},
                                    true);
        !r)
        return r.failure();
    const auto& d2 = file->deliverables[1].questions;
    for (std::size_t i = 0; i < d2.size() && i < 2; ++i)
        if (auto s = save_answer(db, team, id.value(), 2, d2[i].question.id, cadrage[i], 0); !s) return s.failure();
    return counts;
}

}  // namespace ateliers::services
