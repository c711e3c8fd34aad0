#include "features/projects/demo/demo_projects.hpp"

#include "features/projects/services/actors_service.hpp"
#include "features/projects/services/cooperation_service.hpp"
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

// Who is around the table in seed 004's account (the État's services and the dates are
// the demonstration's own: the seed does not name them).
struct DemoActor {
    const char* name;
    const char* kind;
    const char* category;
    const char* actant;
    const char* influence;
    const char* interest;
    const char* stance;
    const char* notes;
};
const DemoActor actors[] = {
    {"Élus du Pôle (23 élus du syndicat)", "organisation", "elu", "destinateur", "3", "2", "neutre",
     "Un « feu vert » pour travailler la coopération, mais pas de réelle implication ni de portage à ce jour."},
    {"Groupe des agents et chargés de mission", "organisation", "agent", "sujet", "2", "3", "soutien",
     "S’est totalement emparé de l’exercice, en temps et personnellement : point de vue partagé et argumentaire détaillé."},
    {"Espace des DGS des 5 communautés de communes", "organisation", "agent", "adjuvant", "3", "1", "reserve",
     "N’a jamais vraiment « pris » malgré plusieurs tentatives ; l’ébauche d’un espace DGS est désormais en place."},
    {"Services de l’État dans le Tarn", "organisation", "etat_territorial", "adjuvant", "2", "2", "neutre", ""},
    {"Conseil de développement (40 membres)", "organisation", "acteur_socio_economique", "destinataire", "1", "2", "soutien", ""},
    {"Antenne tarnaise du CNFPT", "organisation", "autre", "adjuvant", "2", "2", "soutien",
     "Cycle de formation expérimental de 5 jours sur le management par la coopération à l’heure des transitions."},
    {"Fabrique des Transitions", "organisation", "autre", "adjuvant", "2", "3", "soutien", "Accompagnement depuis 2021."},
    {"Une organisation du Pôle fondée sur la coopération", "organisation", "autre", "objet", "1", "3", "soutien",
     "Le Pôle comme échelle cohérente d’obtention et de mutualisation de moyens."},
    {"Protocole expérimental « entre pairs »", "organisation", "autre", "quete", "1", "3", "soutien",
     "Qualifier les points de vue collectifs, révéler les besoins, faire émerger des propositions."},
    {"Habitants du territoire (59 500)", "person", "habitant", "destinataire", "1", "1", "neutre", ""},
    {"Logique d’appel à projets et dépendance aux subventions", "organisation", "autre", "opposant", "3", "1", "oppose",
     "Des projets qui s’éteignent avec la fin des dispositifs financiers."},
};
struct DemoLink {
    int from, to;
    const char* kind;
    const char* step;
    const char* label;
};
const DemoLink links[] = {
    {1, 0, "action", "0", "Croiser les points de vue des agents et des DGS"},
    {1, 0, "action", "1", "Interpellation tripartite des élus"},
    {5, 1, "action", "2", "Formation de 40 managers (5 jours)"},
    {0, 2, "influence", "", ""},
    {3, 0, "influence", "", ""},
    {10, 0, "influence", "", ""},
    {6, 1, "influence", "", "Approche systémique"},
};
struct DemoMoment {
    const char* on;
    const char* kind;
    const char* title;
    const char* body;
};
const DemoMoment moments[] = {
    {"2022-03-10", "espace_reflexif", "Espace des agents et chargés de mission",
     "Construction d’un point de vue partagé des agents sur les dysfonctionnements et les besoins, et d’un argumentaire "
     "détaillé et percutant. Un espace précieux de ressourcement sur le travail."},
    {"2022-05-19", "groupe_de_pairs", "Espace des DGS",
     "Le groupe n’a jamais vraiment « pris » malgré plusieurs tentatives ; une ébauche est désormais en place."},
    {"2022-09-22", "differend", "Partage du point de vue des agents avec les élus et les DGS",
     "Une écoute et un accord général, mais des réactions plutôt faibles, voire un décalage. Le risque d’accroître "
     "l’écart entre des agents qui montent en compétences sur la coopération et « les autres » est nommé."},
    {"2023-02-02", "groupe_de_pairs", "Groupes de pairs inter-EPCI",
     "Chargés de communication, Petites Villes de Demain, Climat-PCAET, DGS, agents techniques, offices de tourisme."},
};

Status seed_around_the_table(store::Database& db, long long id) {
    std::vector<long long> ids;
    for (const auto& a : actors) {
        auto added = add_project_actor(db, nullptr, id,
                                       {a.name, a.kind, a.category, a.actant, a.influence, a.interest, a.stance, a.notes});
        if (!added) return added.failure();
        ids.push_back(added.value());
    }
    for (const auto& l : links)
        if (auto added = add_project_actor_link(db, nullptr, id,
                                                {std::to_string(ids[static_cast<std::size_t>(l.from)]),
                                                 std::to_string(ids[static_cast<std::size_t>(l.to)]), l.kind, l.step, l.label});
            !added)
            return added.failure();
    for (const auto& m : moments)
        if (auto added = add_cooperation_entry(db, nullptr, id, {m.on, m.kind, m.title, m.body}); !added) return added.failure();
    ValueSessionInput session{"2023-06-15",
                              "Équipe du Pôle, agents et chargés de mission, deux DGS, trois élus, accompagnement ANCT",
                              "Poursuivre la sensibilisation des élus et des DGS.\n"
                              "Co-construire un projet opérationnel à l’échelle des 5 EPCI pour tester de nouvelles pratiques "
                              "de coopération et d’organisation entre collectivités.",
                              {}};
    session.entries["cooperation"] = {"cooperation", "", "Un groupe des agents qui s’est emparé de l’exercice ; un groupe DGS qui n’a pas pris.",
                                      "Comptes rendus des espaces de pairs", "Groupes de pairs inter-EPCI actifs", "6"};
    session.entries["competences"] = {"competences", "", "40 managers des 5 communautés de communes formés au management par la coopération.",
                                      "Feuilles de présence du CNFPT", "Managers formés", "40"};
    session.entries["sociale"] = {"sociale", "", "70 élus et agents à l’échange « en tête à tête » avec Claude Onesta sur le faire ensemble.",
                                  "Liste des participants", "Participants", "70"};
    session.entries["confiance"] = {"confiance", "", "Un « feu vert » des élus sans réelle implication ; un décalage à surveiller.",
                                    "Temps de partage avec élus et DGS", "", ""};
    if (auto added = add_value_session(db, nullptr, id, session); !added) return added.failure();
    return Done{};
}

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
    if (auto around = seed_around_the_table(db, id.value()); !around) return around.failure();
    return counts;
}

}  // namespace ateliers::services
