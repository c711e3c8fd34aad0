#include "features/registration/services/registration_mail.hpp"

#include "platform/core/paris_time.hpp"
#include "features/cycles/store/cycles.hpp"

namespace ateliers::services {

std::string first_session_text(soci::session& sql, long long cycle_id) {
    return first_session_text(store::first_session_start(sql, cycle_id));
}

std::string first_session_text(std::optional<long long> first_session_at) {
    if (!first_session_at) return {};
    return paris_time::long_date(*first_session_at) + " à " + paris_time::time_of_day(*first_session_at);
}

Mail registration_mail(RegistrationEvent event, const RegistrationMailFacts& f, const MailContext& mail) {
    const std::string greeting = "Bonjour " + f.full_name + ",";
    const std::string space = mail.base_url + "/espace";
    const std::string cycle = "« " + f.cycle_title + " »";
    const std::string start = f.first_session.empty() ? "" : " Première séance : " + f.first_session + ".";
    switch (event) {
        case RegistrationEvent::received:
            return compose_mail(f.recipient, "Candidature reçue – " + f.cycle_title, greeting,
                                {"Nous avons bien reçu votre candidature au cycle d’ateliers " + cycle + ".",
                                 "L’équipe de l’ANCT compose les groupes en veillant à la diversité des collectivités et "
                                 "à la mixité élus / agents. Vous recevrez un e-mail dès que la sélection sera faite.",
                                 "Vous pouvez relire ou modifier la situation que vous souhaitez partager depuis votre "
                                 "espace."},
                                "Voir mon espace", space);
        case RegistrationEvent::confirmed:
            return compose_mail(f.recipient, "Inscription confirmée – " + f.cycle_title, greeting,
                                {"Votre inscription au cycle d’ateliers " + cycle + " est confirmée." + start,
                                 "Le cycle compte 4 séances de 2 heures en visioconférence : merci de prévoir d’assister "
                                 "aux quatre, caméra et micro activés. Le lien de connexion vous sera rappelé 2 jours "
                                 "puis 1 heure avant chaque séance.",
                                 "Depuis votre espace, vous pouvez ajouter les séances à votre agenda ou annuler si vous "
                                 "ne pouvez plus participer, pour laisser la place à une autre personne."},
                                "Voir mon espace", space);
        case RegistrationEvent::waiting:
        case RegistrationEvent::moved_to_waiting:
            return compose_mail(f.recipient, "Liste d’attente – " + f.cycle_title, greeting,
                                {std::string(event == RegistrationEvent::waiting
                                                 ? "Le cycle d’ateliers " + cycle + " est complet : vous êtes inscrit "
                                                   "sur la liste d’attente"
                                                 : "Votre demande pour le cycle " + cycle +
                                                       " est placée sur la liste d’attente") +
                                     (f.waiting_position > 0
                                          ? " (position " + std::to_string(f.waiting_position) + ")."
                                          : "."),
                                 "Si une place se libère, elle vous sera attribuée automatiquement et vous serez prévenu "
                                 "par e-mail."},
                                "Voir mon espace", space);
        case RegistrationEvent::promoted:
            return compose_mail(f.recipient, "Une place s’est libérée – " + f.cycle_title, greeting,
                                {"Bonne nouvelle : une place s’est libérée dans le cycle d’ateliers " + cycle +
                                     " et elle vous est attribuée. Votre inscription est confirmée." + start,
                                 "Si vous ne pouvez plus participer, annulez depuis votre espace pour laisser la place "
                                 "à la personne suivante."},
                                "Voir mon espace", space);
        case RegistrationEvent::declined:
            return compose_mail(f.recipient, "Votre candidature – " + f.cycle_title, greeting,
                                {"Nous vous remercions pour votre candidature au cycle d’ateliers " + cycle + ".",
                                 "Le nombre de places étant limité à une quinzaine de participants de collectivités "
                                 "différentes, elle n’a pas pu être retenue pour ce cycle.",
                                 "D’autres cycles sont régulièrement programmés : nous serions heureux de vous y "
                                 "accueillir."},
                                "Voir les prochains cycles", mail.base_url + "/cycles");
        case RegistrationEvent::cancelled:
            return compose_mail(f.recipient, "Inscription annulée – " + f.cycle_title, greeting,
                                {"Votre inscription au cycle d’ateliers " + cycle + " est annulée.",
                                 "Merci de nous avoir prévenus : votre place est proposée à une autre personne."},
                                "Voir les prochains cycles", mail.base_url + "/cycles");
    }
    return {};
}

}  // namespace ateliers::services
