#include "cli/demo/demo_programmes.hpp"

#include "features/programmes/services/assessments.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "platform/core/source_dir.hpp"

namespace ateliers::services {

namespace {

constexpr const char* slug = "territoires-engagement";

const char* description =
    "La démarche « Territoires d’engagement » se fixe comme objectif d’aider les élus locaux et leurs équipes à faire "
    "s’exprimer et s’épanouir, sur leur territoire, le potentiel d’engagement citoyen au service de la cohésion "
    "territoriale.\n\n"
    "L’ANCT accompagne 15 territoires pendant trois ans pour faire de la culture de l’engagement citoyen une marque de "
    "fabrique locale, une seconde nature dans leur mode de fonctionnement.\n\n"
    "Le parcours commence par la rencontre du territoire : un diagnostic confié à un prestataire expert, qui décrit "
    "son identité et évalue ses savoir-faire selon la grille des savoir-faire et ses cinq familles : coopérer, "
    "connecter, faciliter, intégrer, s’ouvrir. Il se poursuit par un parcours d’accompagnement sur mesure de trois "
    "ans (formations, conduite du changement, projets phares), des temps de supervision et un bilan annuel.\n\n"
    "Les territoires présentés ici sont des données de démonstration : ils ne sont pas les territoires réellement "
    "accompagnés.";

// Taken from the referential when present (the tests' small referential has the first two).
const char* candidates[] = {"commune:42168", "epci:244200895", "commune:42218", "commune:69072", "commune:97411"};

}  // namespace

Result<DemoProgrammeCounts> seed_demo_programmes(store::Database& db) {
    DemoProgrammeCounts counts;
    auto grid = load_grid_file(db, source_dir() + "/data/programmes/grille-savoir-faire-v1.json");
    if (!grid) return grid.failure();
    store::ProgrammeRow p;
    p.slug = slug;
    p.title = "Territoires d’engagement";
    p.summary = "Trois ans d’accompagnement de 15 territoires pour faire de l’engagement citoyen une seconde nature.";
    p.description = description;
    p.starts_year = 2025;
    p.years = 3;
    p.demo = true;
    auto created = create_programme(db, nullptr, p);
    if (!created) {
        if (created.failure().kind == FailureKind::conflict) {
            counts.already_there = true;
            return counts;
        }
        return created.failure();
    }
    long long first = 0;
    for (const char* id : candidates) {
        auto t = add_programme_territory(db, nullptr, slug, id, true);
        if (!t) continue;  // not in this referential
        if (!first) first = t.value();
        ++counts.territories;
    }
    if (!first) return counts;
    auto view = open_assessment(db, nullptr, slug, first, 0);
    if (!view) return view.failure();
    AssessmentInput in;
    in.grid_version_id = view->grid.id;
    in.identity.history = "Bourg de moyenne montagne, longtemps tourné vers le moulinage de la soie, aujourd’hui "
                          "résidentiel et touristique (données de démonstration).";
    in.identity.geography = "Au cœur d’un parc naturel régional, entre vallée du Rhône et crêts.";
    in.identity.culture = "Forte vie associative, fêtes de village, tradition d’entraide agricole.";
    in.identity.main_actors = "Commune, communauté de communes, parc naturel régional, associations de parents, "
                              "centre social, coopérative agricole.";
    in.identity.interactions = "Marché du samedi, associations sportives, réseaux sociaux locaux ; peu de lieux pour les "
                               "jeunes adultes.";
    int n = 0;
    for (const auto& c : view->grid.criteria) {
        store::AnswerRow a;
        a.criterion_id = c.id;
        a.grid_version_id = view->grid.id;
        a.level = 1 + (n * 7 + 3) % 4;  // a spread of levels, stable from one load to the next
        a.evidence = n % 3 == 0 ? "https://exemple.fr/compte-rendu-atelier" : "Entretiens avec les élus et les agents";
        a.strengths = "Des personnes ressources motivées.";
        a.gaps = n % 2 ? "Pratique peu partagée entre services." : "";
        in.answers.push_back(a);
        ++n;
    }
    if (auto saved = save_assessment(db, nullptr, slug, first, 0, in); !saved) return saved.failure();
    counts.answers = n;
    return counts;
}

}  // namespace ateliers::services
