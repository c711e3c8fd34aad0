#include "features/registration/domain/registration_wording.hpp"

namespace ateliers::registration {

std::string refusal_message(Refusal why, Voice voice) {
    const bool self = voice == Voice::registrant;
    switch (why) {
        case Refusal::no_collectivite:
            return self ? "Choisissez la collectivité au titre de laquelle vous vous inscrivez."
                        : "Choisissez la collectivité au titre de laquelle la personne s’inscrit.";
        case Refusal::already_registered:
            return self ? "Vous êtes déjà inscrit à ce cycle : retrouvez votre inscription dans votre espace."
                        : "Cette personne est déjà inscrite à ce cycle : son inscription figure dans la liste des "
                          "inscriptions.";
        case Refusal::collectivite_taken:
            return self ? "Une personne de votre collectivité est déjà inscrite à ce cycle : une seule inscription par "
                          "collectivité peut être retenue, pour favoriser la diversité des territoires. "
                          "Consultez les autres cycles proposés."
                        : "Cette collectivité est déjà inscrite à ce cycle : une seule inscription par collectivité "
                          "peut être retenue. Proposez à la personne un autre cycle, ou déplacez l’inscription "
                          "existante.";
        case Refusal::just_full:
            return self ? "Ce cycle vient d’être complet. Merci de réessayer : vous serez placé sur liste d’attente."
                        : "Ce cycle vient d’être complet. Réessayez : la personne sera placée sur liste d’attente.";
        case Refusal::taken_meanwhile:
            return self ? "Une inscription de votre collectivité ou de vous-même vient d’être enregistrée pour ce cycle. "
                          "Consultez votre espace."
                        : "Une inscription de cette collectivité ou de cette personne vient d’être enregistrée pour ce "
                          "cycle. Consultez la liste des inscriptions.";
    }
    return {};
}

std::string overlap_warning(const std::string& session_date, const std::string& other_cycle_title, Voice voice) {
    return "Attention : la séance du " + session_date + " du cycle « " + other_cycle_title + " », auquel " +
           (voice == Voice::registrant ? "vous êtes déjà inscrit" : "cette personne est déjà inscrite") +
           ", a lieu en même temps qu’une séance de ce cycle.";
}

std::string situation_too_short_message(Voice voice) {
    return voice == Voice::registrant
               ? "Décrivez en quelques phrases (au moins 80 caractères) la situation concrète que vous souhaitez "
                 "partager avec le groupe."
               : "Décrivez en quelques phrases (au moins 80 caractères) la situation concrète que la personne "
                 "souhaite partager avec le groupe.";
}

std::string mandate_missing_message(Voice voice) {
    return voice == Voice::registrant ? "Précisez si vous êtes élu ou agent de la collectivité."
                                      : "Précisez si la personne est élue ou agente de la collectivité.";
}

std::string function_missing_message(Voice voice) {
    return voice == Voice::registrant ? "Indiquez votre fonction, par exemple « adjointe au maire »."
                                      : "Indiquez la fonction de la personne, par exemple « adjointe au maire ».";
}

}  // namespace ateliers::registration
