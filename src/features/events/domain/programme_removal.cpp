#include "features/events/domain/programme_removal.hpp"

namespace ateliers::events {

std::string people_count(int n) { return std::to_string(n) + (n > 1 ? " personnes" : " personne"); }

std::optional<std::string> removal_refusal(RemovalTarget target, const SeatsInUse& seats) {
    if (seats.held <= 0 && seats.waiting <= 0) return std::nullopt;
    std::string who;
    if (seats.held > 0) who = people_count(seats.held) + (seats.held > 1 ? " y ont une place" : " y a une place");
    if (seats.waiting > 0) {
        if (!who.empty()) who += " et ";
        who += people_count(seats.waiting) + " en attente";
    }
    const std::string what = target == RemovalTarget::slot ? "Ce créneau ne peut pas être supprimé : "
                                                           : "Cet atelier ne peut pas être supprimé : ";
    return what + who + ". Elles doivent d’abord choisir un autre atelier : écrivez-leur depuis « E-mail aux "
                        "inscrit·es » (destinataires : l’atelier), puis revenez le supprimer.";
}

}  // namespace ateliers::events
