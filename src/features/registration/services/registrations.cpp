#include "features/registration/services/registrations.hpp"

#include <chrono>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "features/registration/services/registration_mail.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "platform/referential/collectivites.hpp"
#include "features/cycles/store/cycles.hpp"
#include "features/registration/store/registrations.hpp"
#include "features/registration/store/waiting_list.hpp"

namespace ateliers::services {

namespace {

using registration::Mode;
using registration::Refusal;
using registration::Voice;
using RegStatus = registration::Status;

Failure conflict(const std::string& message, const std::string& field = {}) {
    Failure f = fail(message, field, FailureKind::conflict);
    if (!field.empty()) f.fields[field] = message;
    return f;
}

}  // namespace

Result<PreparedRegistration> prepare_registration(store::Database& db, const RegistrationRequest& request,
                                                  Voice voice) {
    auto errors = registration::validate(request.input, voice);
    if (text::trim(request.collectivite_id).empty())
        errors["collectivite"] = registration::refusal_message(Refusal::no_collectivite, voice);
    if (!errors.empty()) {
        Failure f = fail("Le formulaire contient des erreurs : corrigez les champs signalés.", {}, FailureKind::invalid);
        f.fields = std::move(errors);
        return f;
    }
    PreparedRegistration prepared{text::trim(request.collectivite_id), std::nullopt};
    // Reads that need no lock are done first: the write transaction, during which
    // every other registration to the cycle waits, stays short (docs/store.md, "Registrations
    // under load"). The first session's start is one of them: a session moved while someone
    // registers may still be seen at its old time by that one registration.
    try {
        soci::session sql(db.pool());
        if (!store::find_collectivite(sql, prepared.collectivite_id))
            return fail("La collectivité choisie est introuvable dans le référentiel.", "collectivite", FailureKind::invalid);
        if (const auto cycle = store::find_cycle(sql, db.dialect(), request.cycle_slug, false))
            prepared.first_session_at = store::first_session_start(sql, cycle->id);
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    return prepared;
}

Result<RegistrationOutcome> register_within(soci::session& sql, store::Dialect dialect, const CurrentUser& user,
                                            const RegistrationRequest& request, const PreparedRegistration& prepared,
                                            Voice voice, const MailContext& mail) {
    const auto& collectivite_id = prepared.collectivite_id;
    const auto cycle = store::find_cycle(sql, dialect, request.cycle_slug, true);
    if (!cycle || cycle->status != CycleStatus::published) return fail("Ce cycle n’existe pas ou n’est plus publié.", {}, FailureKind::not_found);
    const long long now = store::now_utc_seconds();
    switch (registration::window_state(cycle->opens_at, cycle->closes_at, prepared.first_session_at.value_or(0), now)) {
        case registration::Window::not_yet_open:
            return conflict("Les inscriptions à ce cycle ne sont pas encore ouvertes : elles ouvriront le " +
                            paris_time::long_date(cycle->opens_at) + " à " + paris_time::time_of_day(cycle->opens_at) +
                            ".");
        case registration::Window::closed:
            return conflict("Les inscriptions à ce cycle sont closes.");
        case registration::Window::open: break;
    }
    const long long arrival = store::now_utc_millis();
    // What the rules need, in one statement under the cycle's lock.
    const auto place = store::place_check(sql, cycle->id, user.id, collectivite_id, arrival);
    if (place.person_registered) return conflict(registration::refusal_message(Refusal::already_registered, voice));
    if (place.collectivite_place_held)
        return conflict(registration::refusal_message(Refusal::collectivite_taken, voice), "collectivite");

    const RegStatus status = registration::initial_status(cycle->mode, cycle->capacity, place.confirmed);
    store::NewRegistration row;
    row.cycle_id = cycle->id;
    row.user_id = user.id;
    row.collectivite_id = collectivite_id;
    if (status == RegStatus::confirmed) {
        const auto free = registration::free_seat(cycle->capacity, store::taken_seats(sql, cycle->id));
        if (!free) return conflict(registration::refusal_message(Refusal::just_full, voice));
        row.seat = *free;
    }
    if (registration::holds_collectivite_place(cycle->mode, status)) row.collectivite_slot = collectivite_id;
    row.situation = text::trim(request.input.situation);
    row.function_title = text::trim(request.input.function_title);
    row.mandate = request.input.mandate;
    row.status = registration::status_code(status);
    row.arrival = arrival;
    row.now = now;
    // In a round "sur candidature", the order of application is the default order of choice.
    if (cycle->mode == Mode::application)
        row.choice_rank = store::pending_applications_in_round(sql, user.id, cycle->closes_at);
    long long id = 0;
    try {
        id = store::insert_registration(sql, row);
    } catch (const std::exception& e) {
        if (!store::is_unique_violation(e)) throw;
        // Another request won the same collectivité place, person or seat at the same instant.
        return conflict(registration::refusal_message(Refusal::taken_meanwhile, voice));
    }
    RegistrationOutcome outcome;
    outcome.registration_id = id;
    outcome.cycle_id = cycle->id;
    outcome.status = status;
    if (status == RegStatus::waiting) outcome.waiting_position = place.waiting_position;
    const auto event = status == RegStatus::confirmed ? RegistrationEvent::confirmed
                       : status == RegStatus::waiting ? RegistrationEvent::waiting
                                                      : RegistrationEvent::received;
    enqueue_mail(sql, registration_mail(event,
                                        {user.email, user.full_name, cycle->title, cycle->slug,
                                         first_session_text(prepared.first_session_at), outcome.waiting_position},
                                        mail));
    return outcome;
}

void add_overlap_warnings(store::Database& db, long long user_id, Voice voice, RegistrationOutcome& outcome) {
    try {
        soci::session sql(db.pool());
        for (const auto& o : store::overlapping_sessions(sql, user_id, outcome.cycle_id))
            outcome.warnings.push_back(registration::overlap_warning(paris_time::long_date(o.starts_at), o.cycle_title, voice));
    } catch (const std::exception& e) {
        (void)store::technical_failure(e);  // the registration stands; only the warning is lost
    }
}

Result<RegistrationOutcome> register_for_cycle(store::Database& db, const CurrentUser& user,
                                               const RegistrationRequest& request, const MailContext& mail) {
    const auto prepared = prepare_registration(db, request, Voice::registrant);
    if (!prepared) return prepared.failure();
    auto result = store::in_transaction<RegistrationOutcome>(db, [&](soci::session& sql) {
        return register_within(sql, db.dialect(), user, request, prepared.value(), Voice::registrant, mail);
    });
    if (result) add_overlap_warnings(db, user.id, Voice::registrant, result.value());
    return result;
}

void promote_waiting(soci::session& sql, long long cycle_id, const MailContext& mail) {
    const auto cycle = store::find_cycle_by_id(sql, store::Dialect::sqlite, cycle_id, false);
    if (!cycle || cycle->mode != Mode::first_come) return;
    while (store::confirmed_count(sql, cycle_id) < cycle->capacity) {
        const auto next = store::next_in_line(sql, cycle_id);
        if (!next) return;
        const auto seat = registration::free_seat(cycle->capacity, store::taken_seats(sql, cycle_id));
        if (!seat) return;
        store::confirm_with_seat(sql, next->registration_id, *seat, store::now_utc_seconds());
        enqueue_mail(sql, registration_mail(RegistrationEvent::promoted,
                                            {next->email, next->full_name, cycle->title, cycle->slug,
                                             first_session_text(sql, cycle_id), 0},
                                            mail));
    }
}

Status cancel_registration(store::Database& db, const CurrentUser& user, long long registration_id,
                           const MailContext& mail) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto r = store::find_own_registration(sql, registration_id, user.id);
        if (!r) return fail("Inscription introuvable.", {}, FailureKind::not_found);
        const long long cycle_id = r->cycle_id;
        RegStatus status;
        registration::parse_status(r->status, status);
        if (!registration::is_active(status)) return fail("Cette inscription est déjà annulée ou close.", {}, FailureKind::conflict);
        const auto cycle = store::find_cycle_by_id(sql, db.dialect(), cycle_id, true);  // queue behind registrations
        const long long now = store::now_utc_seconds();
        store::cancel_registration(sql, registration_id, now);
        enqueue_mail(sql, registration_mail(RegistrationEvent::cancelled,
                                            {user.email, user.full_name, cycle ? cycle->title : "", "", "", 0}, mail));
        if (status == RegStatus::confirmed) promote_waiting(sql, cycle_id, mail);
        // Colleagues who asked to be told when their collectivité's place frees up.
        if (const auto released = r->collectivite_slot; !released.empty()) notify_seat_alerts(sql, cycle_id, released, mail);
        return Done{};
    });
}

Status update_situation(store::Database& db, const CurrentUser& user, long long registration_id,
                        const std::string& situation_typed) {
    const auto situation = text::trim(situation_typed);
    registration::RegistrationInput check{situation, "elu", "fonction", true, true, true};
    if (auto errors = registration::validate(check); errors.count("situation")) {
        Failure f = fail(errors["situation"], "situation", FailureKind::invalid);
        f.fields = errors;
        return f;
    }
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto r = store::find_own_situation_context(sql, registration_id, user.id);
        if (!r) return fail("Inscription introuvable.", {}, FailureKind::not_found);
        RegStatus status;
        registration::parse_status(r->status, status);
        if (!registration::is_active(status)) return fail("Cette inscription est annulée ou close.", {}, FailureKind::conflict);
        const long long now = store::now_utc_seconds();
        if (const auto first = r->first_session_at; first && now >= *first)
            return fail("Le cycle a commencé : la situation ne peut plus être modifiée.", {}, FailureKind::conflict);
        store::set_situation(sql, registration_id, situation, now);
        return Done{};
    });
}

Status move_choice_up(store::Database& db, long long user_id, long long registration_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto owner = store::registration_owner(sql, registration_id);
        if (!owner || owner->user_id != user_id) return fail("Cette inscription est introuvable.", {}, FailureKind::not_found);
        if (owner->status != "applied")
            return fail("L’ordre des vœux ne peut plus changer : la sélection de cette vague est faite.", {}, FailureKind::conflict);
        const auto mine = store::round_choices(sql, registration_id);
        const auto at = std::find(mine.begin(), mine.end(), registration_id) - mine.begin();
        if (at == 0) return Done{};
        // Ranks are rewritten 0..n-1 so that earlier gaps (a cancelled choice) disappear.
        auto order = mine;
        std::swap(order[at], order[at - 1]);
        const long long now = store::now_utc_seconds();
        for (std::size_t rank = 0; rank < order.size(); ++rank)
            store::set_choice_rank(sql, order[rank], static_cast<int>(rank), now);
        return Done{};
    });
}

Result<std::vector<MyRegistration>> my_registrations(store::Database& db, long long user_id, std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<MyRegistration> out;
            for (const auto& r : store::registrations_of_user(sql, user_id)) {
                MyRegistration m;
                m.id = r.id;
                m.cycle_slug = r.cycle_slug;
                m.cycle_title = r.cycle_title;
                m.facilitator = r.facilitator;
                registration::parse_status(r.status, m.status);
                m.situation = r.situation;
                m.first_session_at = r.first_session_at;
                m.last_session_ends_at = r.last_session_ends_at;
                m.situation_editable = registration::is_active(m.status) && now < m.first_session_at;
                out.push_back(std::move(m));
            }
            for (auto& m : out)
                if (m.status == RegStatus::applied) {
                    const auto mine = store::round_choices(sql, m.id);
                    m.round_choices = static_cast<int>(mine.size());
                    m.choice_number = static_cast<int>(std::find(mine.begin(), mine.end(), m.id) - mine.begin()) + 1;
                }
            for (auto& m : out)
                if (m.status == RegStatus::waiting) {
                    const long long cycle_id = store::cycle_of_registration(sql, m.id);
                    m.waiting_position = store::waiting_position(sql, cycle_id, m.id);
                }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::map<long long, MyCycleStatus>> my_cycle_statuses(store::Database& db, long long user_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::map<long long, MyCycleStatus> out;
            std::vector<std::pair<long long, long long>> waiting;  // cycle, registration
            for (const auto& r : store::active_registrations_of(sql, user_id)) {
                MyCycleStatus m;
                registration::parse_status(r.status, m.status);
                out[r.cycle_id] = m;
                if (m.status == RegStatus::waiting) waiting.emplace_back(r.cycle_id, r.id);
            }
            for (const auto& [cycle_id, id] : waiting) out[cycle_id].waiting_position = store::waiting_position(sql, cycle_id, id);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
