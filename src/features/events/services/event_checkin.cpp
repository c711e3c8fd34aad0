#include "features/events/services/event_checkin.hpp"

#include "features/events/services/ticket_token.hpp"
#include "features/events/store/event_checkins.hpp"
#include "features/events/store/events.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/server_secrets.hpp"

namespace ateliers::services {

namespace {

const char* forged_ticket =
    "Ce billet n’est pas valide : il n’a pas été délivré par ce site ou il a été modifié. "
    "Cherchez la personne par son nom.";

Result<std::string> ticket_secret(store::Database& db) { return server_secret(db, "event-tickets"); }

CheckinOutcome outcome_of(const store::EventRegistrationRow& r, std::optional<long long> before, long long at) {
    return {r.id, r.full_name, r.organisation, before.has_value(), at};
}

}  // namespace

Result<std::string> event_ticket_token(store::Database& db, long long registration_id) {
    auto secret = ticket_secret(db);
    if (!secret) return secret.failure();
    return events::sign_ticket(secret.value(), registration_id);
}

Result<std::optional<EventTicket>> my_event_ticket(store::Database& db, long long event_id, long long user_id) {
    auto secret = ticket_secret(db);
    if (!secret) return secret.failure();
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<std::optional<EventTicket>> {
            auto r = store::active_event_registration(sql, event_id, user_id);
            if (!r || r->status != "confirmed") return std::optional<EventTicket>{};
            return std::optional<EventTicket>{
                EventTicket{*r, events::sign_ticket(secret.value(), r->id), store::event_checkin_time(sql, r->id)}};
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<CheckinOutcome> check_in(store::Database& db, long long actor_user_id, const std::string& slug,
                                const std::string& token, long long registration_id) {
    if (!token.empty()) {
        auto secret = ticket_secret(db);
        if (!secret) return secret.failure();
        const auto id = events::verify_ticket(secret.value(), token);
        if (!id) return fail(forged_ticket, "billet", FailureKind::invalid);
        registration_id = *id;
    }
    return store::in_transaction<CheckinOutcome>(db, [&](soci::session& sql) -> Result<CheckinOutcome> {
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        const auto r = store::find_event_registration(sql, registration_id);
        if (!r || r->event_id != event->id)
            return fail("Ce billet n’est pas celui de cet événement.", "billet", FailureKind::invalid);
        if (r->status != "confirmed")
            return fail(r->full_name + " n’a pas de place confirmée (inscription " +
                            (r->status == "waiting" ? "en liste d’attente" : "annulée") + ").",
                        "billet", FailureKind::conflict);
        const auto before = store::event_checkin_time(sql, r->id);
        const long long at = store::record_event_checkin(sql, r->id, actor_user_id, store::now_utc_seconds());
        // A replay from the offline queue changes nothing, so it writes no second line.
        if (!before)
            record_audit(sql, actor_user_id, "event.checkin", "event_registration:" + std::to_string(r->id),
                         r->full_name + " (" + r->organisation + ") accueilli·e à « " + event->title + " »");
        return outcome_of(*r, before, at);
    });
}

Result<CheckinOutcome> mark_workshop_presence(store::Database& db, long long actor_user_id, const std::string& slug,
                                              long long registration_id, long long item_id) {
    return store::in_transaction<CheckinOutcome>(db, [&](soci::session& sql) -> Result<CheckinOutcome> {
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        const auto r = store::find_event_registration(sql, registration_id);
        if (!r || r->event_id != event->id || r->status != "confirmed")
            return fail("Inscription introuvable pour cet événement.", {}, FailureKind::not_found);
        const auto at = store::event_checkin_time(sql, r->id);
        if (!at)
            return fail(r->full_name + " n’est pas encore pointé·e à l’accueil.", "atelier", FailureKind::conflict);
        bool held = false;
        for (const auto& c : store::registration_choices(sql, r->id)) held = held || (c.item_id == item_id && c.status == "held");
        if (!held) return fail(r->full_name + " n’a pas de place dans cet atelier.", "atelier", FailureKind::invalid);
        if (!store::workshop_attendance(sql, event->id).count({r->id, item_id})) {
            const auto item = store::find_item(sql, item_id);
            record_audit(sql, actor_user_id, "event.presence", "event_registration:" + std::to_string(r->id),
                         r->full_name + " présent·e dans l’atelier « " + (item ? item->title : std::string()) + " »");
        }
        store::record_workshop_attendance(sql, r->id, item_id, store::now_utc_seconds());
        return outcome_of(*r, at, *at);
    });
}

Result<WelcomeDesk> welcome_desk(store::Database& db, const std::string& slug) {
    auto roster = event_roster(db, slug, "");
    if (!roster) return roster.failure();
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<WelcomeDesk> {
            WelcomeDesk out{std::move(roster.value()), {}, {}};
            out.checked_in = store::event_checkin_times(sql, out.roster.programme.event.id);
            out.presence = store::workshop_attendance(sql, out.roster.programme.event.id);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
