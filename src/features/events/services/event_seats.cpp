#include "features/events/services/event_seats.hpp"

#include "features/events/domain/programme_rules.hpp"
#include "features/events/store/event_registrations.hpp"
#include "features/events/store/events.hpp"
#include "features/registration/domain/registration_rules.hpp"

namespace ateliers::services {

namespace {

// Unlimited workshops still number their seats, from 1 upwards.
int next_seat(std::optional<int> capacity, const std::vector<int>& taken) {
    const int bound = capacity ? *capacity : static_cast<int>(taken.size()) + 1;
    return registration::free_seat(bound, taken).value_or(0);
}

}  // namespace

std::string place_choice(soci::session& sql, long long registration_id, long long slot_id, long long item_id,
                         long long arrival) {
    const auto item = store::find_item(sql, item_id);
    const auto taken = store::taken_workshop_seats(sql, item_id);
    const int waiting = store::workshop_waiting_count(sql, item_id);
    int seat = 0;
    if (events::place(item->capacity, static_cast<int>(taken.size()), waiting) == events::Placement::seat)
        seat = next_seat(item->capacity, taken);
    const std::string status = seat > 0 ? "held" : "waiting";
    store::insert_choice(sql, {0, registration_id, slot_id, item_id, status, seat, arrival});
    return status;
}

void promote_workshop_queue(soci::session& sql, long long item_id, const std::string& event_title, const MailContext& mail) {
    const auto item = store::find_item(sql, item_id);
    if (!item) return;
    for (;;) {
        const auto taken = store::taken_workshop_seats(sql, item_id);
        if (!events::has_room(item->capacity, static_cast<int>(taken.size()))) return;
        const auto next = store::first_waiting_choice(sql, item_id);
        if (!next) return;
        const int seat = next_seat(item->capacity, taken);
        if (seat == 0) return;
        store::set_choice(sql, next->choice.id, "held", seat, next->choice.arrival);
        enqueue_mail(sql, compose_mail(next->email, "Une place s’est libérée : " + item->title,
                                       "Bonjour " + next->full_name + ",",
                                       {"Une place s’est libérée dans l’atelier « " + item->title + " » de l’événement « " +
                                            event_title + " ». Elle vous est attribuée : vous n’avez rien à faire.",
                                        "Si vous ne pouvez plus y participer, changez votre choix depuis votre espace."},
                                       "Voir mon inscription", mail.base_url + "/espace"));
    }
}

void promote_event_queue(soci::session& sql, store::Dialect dialect, long long event_id, const MailContext& mail) {
    const auto event = store::find_event_by_id(sql, dialect, event_id, false);
    if (!event) return;
    for (;;) {
        const auto taken = store::taken_event_seats(sql, event_id);
        if (static_cast<int>(taken.size()) >= event->capacity) return;
        const auto next = store::first_waiting_registration(sql, event_id);
        if (!next) return;
        const auto seat = registration::free_seat(event->capacity, taken);
        if (!seat) return;
        const long long now = store::now_utc_seconds();
        store::set_event_registration_status(sql, next->id, "confirmed", *seat, now);
        const long long arrival = store::now_utc_millis();
        for (const auto& wish : store::registration_choices(sql, next->id)) {
            if (wish.status != "wish") continue;
            store::delete_choice(sql, wish.id);
            place_choice(sql, next->id, wish.slot_id, wish.item_id, arrival);
        }
        enqueue_mail(sql, compose_mail(next->email, "Votre place est confirmée : " + event->title,
                                       "Bonjour " + next->full_name + ",",
                                       {"Une place s’est libérée pour « " + event->title +
                                            " » : votre inscription est confirmée.",
                                        "Vos choix d’ateliers ont été placés dans l’ordre d’arrivée ; retrouvez-les dans "
                                        "votre espace."},
                                       "Voir mon inscription", mail.base_url + "/espace"));
    }
}

}  // namespace ateliers::services
