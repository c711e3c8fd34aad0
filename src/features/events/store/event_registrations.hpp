#pragma once
// Registrations to events and their workshop choices, with the seats they hold and
// the queues they wait in (arrival order).
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct EventRegistrationRow {
    long long id = 0;
    long long event_id = 0;
    long long user_id = 0;
    std::string organisation;
    std::string organisation_kind;
    std::string collectivite_id;  // empty when none
    std::string function_title;
    std::string attendance;  // in_person | online
    std::string meals;
    std::string accessibility;
    bool public_listing = false;
    std::string status;  // confirmed | waiting | cancelled
    int seat = 0;        // 0: none
    long long arrival = 0;
    // Read with the person, for lists and e-mails.
    std::string full_name;
    std::string email;
};

long long insert_event_registration(soci::session& sql, const EventRegistrationRow& r, long long now);
std::optional<EventRegistrationRow> find_event_registration(soci::session& sql, long long id);
std::optional<EventRegistrationRow> active_event_registration(soci::session& sql, long long event_id, long long user_id);
// Every registration of the event, by arrival; cancelled ones only when `with_cancelled`.
std::vector<EventRegistrationRow> event_registrations(soci::session& sql, long long event_id, bool with_cancelled);
void set_event_registration_status(soci::session& sql, long long id, const std::string& status, int seat, long long now);

std::vector<int> taken_event_seats(soci::session& sql, long long event_id);
// Seats held on the event, counted on the seat index (a rush of thousands must not read
// every seat number on each registration).
int held_event_seat_count(soci::session& sql, long long event_id);
// The smallest seat number not held (1 when none is): max + 1 when seats 1..max are all
// held, else the first gap, found on the unique seat index.
int smallest_free_event_seat(soci::session& sql, long long event_id);
int event_waiting_count(soci::session& sql, long long event_id);
// The registration first in the event's queue (arrival, then id), if any.
std::optional<EventRegistrationRow> first_waiting_registration(soci::session& sql, long long event_id);

struct ChoiceRow {
    long long id = 0;
    long long registration_id = 0;
    long long slot_id = 0;
    long long item_id = 0;
    std::string status;  // held | waiting | wish
    int seat = 0;
    long long arrival = 0;
};
std::vector<ChoiceRow> registration_choices(soci::session& sql, long long registration_id);  // by slot id
void insert_choice(soci::session& sql, const ChoiceRow& c);
void set_choice(soci::session& sql, long long choice_id, const std::string& status, int seat, long long arrival);
void delete_choice(soci::session& sql, long long choice_id);
void delete_registration_choices(soci::session& sql, long long registration_id);

std::vector<int> taken_workshop_seats(soci::session& sql, long long item_id);
int workshop_waiting_count(soci::session& sql, long long item_id);
// The choice first in the workshop's queue (arrival, then id) of a confirmed registration.
struct WaitingChoice {
    ChoiceRow choice;
    std::string email;
    std::string full_name;
};
std::optional<WaitingChoice> first_waiting_choice(soci::session& sql, long long item_id);

struct WorkshopCount {
    int held = 0;
    int waiting = 0;
};
// item id -> seats held and people waiting, for every workshop of the event with a choice.
std::map<long long, WorkshopCount> workshop_counts(soci::session& sql, long long event_id);

// The choices made in one workshop, or in every workshop of one slot, by people still
// registered (cancelling deletes a registration's choices): held seats, and the others
// (waiting in the workshop's queue, or a wish of a registration waiting for the event).
struct ChoicesInUse {
    int held = 0;
    int waiting = 0;
};
ChoicesInUse item_choices_in_use(soci::session& sql, long long item_id);
ChoicesInUse slot_choices_in_use(soci::session& sql, long long slot_id);

}  // namespace ateliers::store
