#include "features/programmes/demo/demo_programmes.hpp"

#include "features/programmes/services/assessments.hpp"
#include "features/programmes/services/plans.hpp"
#include "features/programmes/services/reviews.hpp"
#include "features/programmes/services/supervision.hpp"
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

struct DemoAction {
    const char* title;
    const char* kind;
    std::vector<int> years;
    std::vector<std::string> families;
    const char* providers;
    std::vector<std::string> support;
    // Follow-ups in order: status, progress, comment.
    std::vector<FollowUpInput> follow_ups;
};

// One adopted plan with actions of each kind and their follow-ups, a year-1 review with
// its adjustments and successes, and supervision notes (one internal to the ANCT).
Status seed_plan_and_review(store::Database& db, long long territory, const AssessmentView& diagnostic,
                            const AssessmentInput& diagnostic_input, DemoProgrammeCounts& counts) {
    const std::vector<DemoAction> actions = {
        {"Former les élus à l’animation de la participation", "formation", {1}, {"faciliter", "cooperer"},
         "Cabinet Concertation & Territoires (démonstration)", {},
         {{"en_cours", 40, "Deux sessions sur quatre tenues, 14 élus présents."},
          {"faite", 100, "Cycle terminé ; évaluation très positive."}}},
        {"Formation des agents d’accueil à l’écoute active", "formation", {1, 2}, {"connecter"},
         "Cabinet Concertation & Territoires (démonstration)", {"service_civique"},
         {{"en_cours", 30, "Premier groupe formé."}}},
        {"Accompagnement du comité de direction au changement", "conduite_changement", {1, 2, 3}, {"integrer"},
         "Atelier du Changement (démonstration)", {"cifre"},
         {{"en_cours", 20, "Doctorante CIFRE recrutée, observation des services commencée."},
          {"bloquee", 20, "En attente de la réorganisation des services."}}},
        {"Coaching des référents participation", "conduite_changement", {2}, {"faciliter"},
         "Atelier du Changement (démonstration)", {}, {}},
        {"Tiers-lieu citoyen dans l’ancienne moulinerie", "projet_phare", {1, 2, 3}, {"souvrir", "cooperer"},
         "Collectif Faire Ensemble (démonstration)", {"vta"},
         {{"en_cours", 35, "Comité d’usagers constitué, 3 réunions publiques."}}},
        {"Budget participatif jeunesse", "projet_phare", {2, 3}, {"souvrir", "connecter"}, "", {"service_civique"}, {}},
    };
    const auto families = diagnostic.grid.families;
    std::vector<long long> ids;
    for (const auto& a : actions) {
        PlanActionInput in;
        in.title = a.title;
        in.kind = a.kind;
        in.years = a.years;
        for (const auto& f : a.families)  // only the codes of the grid in use
            for (const auto& g : families)
                if (g.code == f) in.families.push_back(f);
        in.providers = a.providers;
        in.field_support = a.support;
        auto id = save_plan_action(db, nullptr, slug, territory, in);
        if (!id) return id.failure();
        ids.push_back(id.value());
        for (const auto& f : a.follow_ups)
            if (auto done = record_follow_up(db, nullptr, slug, territory, id.value(), f); !done) return done.failure();
        ++counts.actions;
    }
    if (auto adopted = adopt_plan(db, nullptr, slug, territory); !adopted) return adopted.failure();
    // The year-1 review: one level more on every other criterion.
    AssessmentInput review = diagnostic_input;
    review.identity = {};
    review.identity.successes = "Le cycle de formation des élus a réuni 14 élus ; un comité d’usagers porte désormais le "
                                "projet de tiers-lieu (données de démonstration).";
    int n = 0;
    for (auto& a : review.answers)
        if (n++ % 2 == 0 && a.level && *a.level < diagnostic.grid.max_level()) a.level = *a.level + 1;
    if (auto saved = save_assessment(db, nullptr, slug, territory, 1, review); !saved) return saved.failure();
    const ReviewAdjustmentInput adjustments[] = {
        {"postponed", "", "La réorganisation des services repousse l’accompagnement du comité de direction.", ids[2]},
        {"added", "Fête de quartier co-organisée avec les habitants", "Demande issue du comité d’usagers du tiers-lieu.", 0},
    };
    for (const auto& adj : adjustments)
        if (auto added = add_review_adjustment(db, nullptr, slug, territory, 1, adj); !added) return added.failure();
    const SupervisionNoteInput notes[] = {
        {"territory", "Point d’étape : la dynamique est bonne, les élus se sont approprié la démarche.", "2025-11-18"},
        {"internal", "Vigilance : le portage politique dépend beaucoup d’un adjoint ; à suivre avant les municipales.",
         "2025-11-20"},
    };
    for (const auto& note : notes)
        if (auto added = add_supervision_note(db, nullptr, slug, territory, note); !added) return added.failure();
    return Done{};
}

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
    std::vector<long long> territories;
    for (const char* id : candidates) {
        auto t = add_programme_territory(db, nullptr, slug, id, true);
        if (!t) continue;  // not in this referential
        if (!first) first = t.value();
        territories.push_back(t.value());
        ++counts.territories;
    }
    if (!first) return counts;
    // The providers named in the plan's actions, assigned to territories (no invitation
    // e-mail: the addresses are not real), so that the dashboard shows their load.
    const struct {
        const char* email;
        const char* organisation;
        std::size_t territories;  // the first N territories
    } providers[] = {
        {"concertation.demo@prestataire.example", "Cabinet Concertation & Territoires (démonstration)", 2},
        {"changement.demo@prestataire.example", "Atelier du Changement (démonstration)", 1},
        {"faire-ensemble.demo@prestataire.example", "Collectif Faire Ensemble (démonstration)", 3},
    };
    for (const auto& p : providers)
        for (std::size_t i = 0; i < p.territories && i < territories.size(); ++i) {
            MemberInvitation m{p.email, "provider", territories[i], p.organisation, false};
            if (auto added = invite_programme_member(db, nullptr, slug, m, MailContext{}); !added) return added.failure();
        }
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
    if (auto planned = seed_plan_and_review(db, first, view.value(), in, counts); !planned) return planned.failure();
    return counts;
}

}  // namespace ateliers::services
