#include "features/projects/domain/actors.hpp"

#include <algorithm>

namespace ateliers::projects {

const std::vector<ActorCategory>& all_categories() {
    static const std::vector<ActorCategory> all{ActorCategory::elu, ActorCategory::agent, ActorCategory::etat_territorial,
                                                ActorCategory::acteur_socio_economique, ActorCategory::habitant,
                                                ActorCategory::autre};
    return all;
}

const std::vector<Actant>& all_actants() {
    static const std::vector<Actant> all{Actant::none,     Actant::destinateur, Actant::sujet,    Actant::objet,
                                         Actant::quete,    Actant::adjuvant,    Actant::opposant, Actant::destinataire};
    return all;
}

const std::vector<Stance>& all_stances() {
    static const std::vector<Stance> all{Stance::soutien, Stance::neutre, Stance::reserve, Stance::oppose};
    return all;
}

std::string category_name(ActorCategory c) {
    switch (c) {
        case ActorCategory::elu: return "elu";
        case ActorCategory::agent: return "agent";
        case ActorCategory::etat_territorial: return "etat_territorial";
        case ActorCategory::acteur_socio_economique: return "acteur_socio_economique";
        case ActorCategory::habitant: return "habitant";
        case ActorCategory::autre: return "autre";
    }
    return "autre";
}

std::optional<ActorCategory> parse_category(const std::string& s) {
    for (auto c : all_categories())
        if (category_name(c) == s) return c;
    return std::nullopt;
}

std::string category_label(ActorCategory c) {
    switch (c) {
        case ActorCategory::elu: return "Élu·e";
        case ActorCategory::agent: return "Agent";
        case ActorCategory::etat_territorial: return "État territorial";
        case ActorCategory::acteur_socio_economique: return "Acteur socio-économique";
        case ActorCategory::habitant: return "Habitant·e, citoyen·ne";
        case ActorCategory::autre: return "Autre";
    }
    return "Autre";
}

bool is_fantastique(ActorCategory c) {
    return c == ActorCategory::elu || c == ActorCategory::agent || c == ActorCategory::etat_territorial ||
           c == ActorCategory::acteur_socio_economique;
}

std::string actant_name(Actant a) {
    switch (a) {
        case Actant::none: return "";
        case Actant::destinateur: return "destinateur";
        case Actant::sujet: return "sujet";
        case Actant::objet: return "objet";
        case Actant::quete: return "quete";
        case Actant::adjuvant: return "adjuvant";
        case Actant::opposant: return "opposant";
        case Actant::destinataire: return "destinataire";
    }
    return "";
}

std::optional<Actant> parse_actant(const std::string& s) {
    for (auto a : all_actants())
        if (actant_name(a) == s) return a;
    return std::nullopt;
}

std::string actant_label(Actant a) {
    switch (a) {
        case Actant::none: return "Sans rôle défini";
        case Actant::destinateur: return "Destinateur";
        case Actant::sujet: return "Sujet";
        case Actant::objet: return "Objet";
        case Actant::quete: return "Quête";
        case Actant::adjuvant: return "Adjuvants";
        case Actant::opposant: return "Opposants";
        case Actant::destinataire: return "Destinataires";
    }
    return "";
}

// Seed 004, "Définir le schéma actantiel".
std::string actant_definition(Actant a) {
    switch (a) {
        case Actant::none: return "Pas encore placé dans le schéma actantiel.";
        case Actant::destinateur: return "Celui qui donne une mission ou une quête au sujet.";
        case Actant::sujet: return "Celui qui doit accomplir la quête confiée par le destinateur.";
        case Actant::objet: return "L’objet de la quête, la raison pour laquelle le sujet va réaliser différentes missions.";
        case Actant::quete: return "Les actions confiées par le destinateur pour obtenir l’objet.";
        case Actant::adjuvant: return "Ils aident le sujet à accomplir sa quête.";
        case Actant::opposant: return "Ils viennent nuire à la réalisation de la quête du sujet.";
        case Actant::destinataire: return "Ceux qui obtiennent un bénéfice à la fin de la quête.";
    }
    return "";
}

std::string stance_name(Stance s) {
    switch (s) {
        case Stance::soutien: return "soutien";
        case Stance::neutre: return "neutre";
        case Stance::reserve: return "reserve";
        case Stance::oppose: return "oppose";
    }
    return "neutre";
}

std::optional<Stance> parse_stance(const std::string& s) {
    for (auto x : all_stances())
        if (stance_name(x) == s) return x;
    return std::nullopt;
}

std::string stance_label(Stance s) {
    switch (s) {
        case Stance::soutien: return "Soutient le projet";
        case Stance::neutre: return "Neutre";
        case Stance::reserve: return "Réservé";
        case Stance::oppose: return "S’oppose";
    }
    return "Neutre";
}

std::string link_kind_name(LinkKind k) { return k == LinkKind::influence ? "influence" : "action"; }

std::optional<LinkKind> parse_link_kind(const std::string& s) {
    if (s == "influence") return LinkKind::influence;
    if (s == "action") return LinkKind::action;
    return std::nullopt;
}

std::string link_kind_label(LinkKind k) {
    return k == LinkKind::influence ? "a une influence sur…" : "chaîne des actions";
}

std::vector<ActorCategory> missing_fantastiques(const std::vector<ActorCategory>& present) {
    std::vector<ActorCategory> missing;
    for (auto c : {ActorCategory::elu, ActorCategory::agent, ActorCategory::etat_territorial,
                   ActorCategory::acteur_socio_economique})
        if (std::find(present.begin(), present.end(), c) == present.end()) missing.push_back(c);
    return missing;
}

}  // namespace ateliers::projects
