#include "features/events/services/event_registrations.hpp"

#include <set>

#include "features/events/services/event_calendar.hpp"
#include "features/events/services/event_seats.hpp"
#include "features/events/store/event_registrations.hpp"
#include "features/events/store/events.hpp"
#include "features/registration/domain/registration_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

Failure invalid(std::map<std::string, std::string> fields) {
    Failure f = fail(fields.begin()->second, fields.begin()->first, FailureKind::invalid);
    f.fields = std::move(fields);
    return f;
}

events::WorkshopSlots workshops_of(const std::vector<store::ItemRow>& items) {
    events::WorkshopSlots out;
    for (const auto& item : items)
        if (item.slot_id) out[item.id] = item.slot_id;
    return out;
}

std::string titles_of_choices(const std::vector<store::ItemRow>& items, const std::map<long long, std::string>& placed,
                              const events::Choices& choices) {
    std::string out;
    for (const auto& item : items) {
        const auto chosen = choices.find(item.slot_id);
        if (!item.slot_id || chosen == choices.end() || chosen->second != item.id) continue;
        const auto& status = placed.at(item.slot_id);
        out += "- " + paris_time::long_date(item.starts_at) + " " + paris_time::time_of_day(item.starts_at) + " : " +
               item.title + (status == "held" ? "" : status == "waiting" ? " (liste d’attente)" : " (en attente de place)") +
               "\n";
    }
    return out.empty() ? "Aucun atelier choisi pour l’instant.\n" : out;
}

// `ics`: the programme as a calendar file, attached when it could be built.
void confirmation_mail(const store::EventRow& event, const std::vector<store::ItemRow>& items, const CurrentUser& user,
                       const EventRegistrationOutcome& outcome, const events::Choices& choices, const MailContext& mail,
                       const Result<std::string>& ics, soci::session& sql) {
    const bool confirmed = outcome.status == "confirmed";
    auto message =
        compose_mail(user.email, (confirmed ? "Inscription confirmée : " : "Liste d’attente : ") + event.title,
                     "Bonjour " + user.full_name + ",",
                     {confirmed ? "Votre inscription à « " + event.title + " » est confirmée."
                                : "L’événement « " + event.title +
                                      " » est complet : vous êtes sur la liste d’attente et serez prévenu·e "
                                      "par courriel si une place se libère.",
                      "Du " + paris_time::long_date(event.starts_at) + " " + paris_time::time_of_day(event.starts_at) +
                          " au " + paris_time::long_date(event.ends_at) + " " + paris_time::time_of_day(event.ends_at) +
                          (event.venue.empty() ? "" : ", " + event.venue),
                      "Vos ateliers :\n" + titles_of_choices(items, outcome.choices, choices),
                      "Le programme au format calendrier est joint à ce courriel, et en ligne : " + mail.base_url +
                          "/evenements/" + event.slug + "/programme.ics"},
                     "Voir l’événement", mail.base_url + "/evenements/" + event.slug);
    if (ics)
        message.attachments.push_back(
            {"programme-" + event.slug + ".ics", "text/calendar; charset=utf-8", ics.value()});
    enqueue_mail(sql, message);
}

}  // namespace

Result<EventRegistrationOutcome> register_to_event(store::Database& db, const CurrentUser& user, const std::string& slug,
                                                   const EventRegistrationRequest& request, const MailContext& mail) {
    auto input = request.input;
    input.organisation = text::trim(input.organisation);
    input.function_title = text::trim(input.function_title);
    input.accessibility = text::trim(input.accessibility);
    if (auto problems = events::validate(input); !problems.empty()) return invalid(std::move(problems));
    // Read before the transaction, on its own connection; a calendar that cannot be built
    // only leaves the e-mail without its attachment (the link stays).
    const auto ics = event_calendar(db, slug, mail.base_url);
    return store::in_transaction<EventRegistrationOutcome>(
        db, [&](soci::session& sql) -> Result<EventRegistrationOutcome> {
            const auto event = store::find_event(sql, db.dialect(), slug, true);
            if (!event || !event->published) return fail("Événement introuvable.", {}, FailureKind::not_found);
            if (!events::open_for_changes(event->starts_at, store::now_utc_seconds()))
                return fail("L’événement a commencé : les inscriptions sont closes.", {}, FailureKind::conflict);
            const auto items = store::event_items(sql, event->id);
            if (auto problems = events::choices_problems(request.choices, workshops_of(items)); !problems.empty())
                return invalid(std::move(problems));
            if (store::active_event_registration(sql, event->id, user.id))
                return fail("Vous êtes déjà inscrit·e à cet événement : consultez votre espace.", {}, FailureKind::conflict);
            const int held = store::held_event_seat_count(sql, event->id);
            const int waiting = store::event_waiting_count(sql, event->id);
            int seat = 0;
            if (events::place(event->capacity, held, waiting) == events::Placement::seat)
                seat = store::smallest_free_event_seat(sql, event->id);
            store::EventRegistrationRow row;
            row.event_id = event->id;
            row.user_id = user.id;
            row.organisation = input.organisation;
            row.organisation_kind = input.organisation_kind;
            row.collectivite_id = request.collectivite_id;
            row.function_title = input.function_title;
            row.attendance = input.attendance;
            row.meals = input.meals;
            row.accessibility = input.accessibility;
            row.public_listing = input.public_listing;
            row.status = seat > 0 ? "confirmed" : "waiting";
            row.seat = seat;
            row.arrival = store::now_utc_millis();
            EventRegistrationOutcome outcome;
            outcome.status = row.status;
            try {
                outcome.registration_id = store::insert_event_registration(sql, row, store::now_utc_seconds());
            } catch (const std::exception& e) {
                if (!store::is_unique_violation(e)) throw;
                return fail("Une inscription à votre nom vient d’être enregistrée pour cet événement : consultez votre espace.",
                            {}, FailureKind::conflict);
            }
            for (const auto& [slot, item] : request.choices) {
                if (seat > 0) {
                    outcome.choices[slot] = place_choice(sql, outcome.registration_id, slot, item, row.arrival);
                } else {
                    store::insert_choice(sql, {0, outcome.registration_id, slot, item, "wish", 0, row.arrival});
                    outcome.choices[slot] = "wish";
                }
            }
            confirmation_mail(*event, items, user, outcome, request.choices, mail, ics, sql);
            return outcome;
        });
}

Result<EventRegistrationOutcome> change_event_choices(store::Database& db, const CurrentUser& user,
                                                      long long registration_id, const events::Choices& choices,
                                                      const MailContext& mail) {
    return store::in_transaction<EventRegistrationOutcome>(
        db, [&](soci::session& sql) -> Result<EventRegistrationOutcome> {
            const auto found = store::find_event_registration(sql, registration_id);
            if (!found || found->user_id != user.id) return fail("Inscription introuvable.", {}, FailureKind::not_found);
            const auto event = store::find_event_by_id(sql, db.dialect(), found->event_id, true);
            const auto reg = store::find_event_registration(sql, registration_id);  // read again under the lock
            if (reg->status == "cancelled")
                return fail("Cette inscription est annulée.", {}, FailureKind::conflict);
            if (!events::open_for_changes(event->starts_at, store::now_utc_seconds()))
                return fail("L’événement a commencé : les choix d’ateliers ne peuvent plus être modifiés.", {},
                            FailureKind::conflict);
            if (auto problems = events::choices_problems(choices, workshops_of(store::event_items(sql, event->id)));
                !problems.empty())
                return invalid(std::move(problems));
            EventRegistrationOutcome outcome;
            outcome.registration_id = registration_id;
            outcome.status = reg->status;
            std::set<long long> freed;
            for (const auto& old : store::registration_choices(sql, registration_id)) {
                const auto wanted = choices.find(old.slot_id);
                if (wanted != choices.end() && wanted->second == old.item_id) {
                    outcome.choices[old.slot_id] = old.status;
                    continue;
                }
                store::delete_choice(sql, old.id);
                if (old.status == "held") freed.insert(old.item_id);
            }
            const long long arrival = store::now_utc_millis();
            for (const auto& [slot, item] : choices) {
                if (outcome.choices.count(slot)) continue;
                if (reg->status == "confirmed") {
                    outcome.choices[slot] = place_choice(sql, registration_id, slot, item, arrival);
                } else {
                    store::insert_choice(sql, {0, registration_id, slot, item, "wish", 0, arrival});
                    outcome.choices[slot] = "wish";
                }
            }
            for (const auto item : freed) promote_workshop_queue(sql, item, event->title, mail);
            return outcome;
        });
}

Status cancel_event_registration(store::Database& db, const CurrentUser& user, long long registration_id,
                                 const MailContext& mail) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto found = store::find_event_registration(sql, registration_id);
        if (!found || found->user_id != user.id) return fail("Inscription introuvable.", {}, FailureKind::not_found);
        const auto event = store::find_event_by_id(sql, db.dialect(), found->event_id, true);
        const auto reg = store::find_event_registration(sql, registration_id);  // read again under the lock
        if (reg->status == "cancelled") return fail("Cette inscription est déjà annulée.", {}, FailureKind::conflict);
        std::set<long long> freed;
        for (const auto& choice : store::registration_choices(sql, registration_id))
            if (choice.status == "held") freed.insert(choice.item_id);
        store::delete_registration_choices(sql, registration_id);
        store::set_event_registration_status(sql, registration_id, "cancelled", 0, store::now_utc_seconds());
        enqueue_mail(sql, compose_mail(user.email, "Inscription annulée : " + event->title, "Bonjour " + user.full_name + ",",
                                       {"Votre inscription à « " + event->title +
                                        " » est annulée, ainsi que vos choix d’ateliers. Merci d’avoir libéré votre place."},
                                       "Voir l’événement", mail.base_url + "/evenements/" + event->slug));
        for (const auto item : freed) promote_workshop_queue(sql, item, event->title, mail);
        if (reg->status == "confirmed") promote_event_queue(sql, db.dialect(), event->id, mail);
        return Done{};
    });
}

}  // namespace ateliers::services
