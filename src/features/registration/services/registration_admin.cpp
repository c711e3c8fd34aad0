#include "features/registration/services/registration_admin.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "platform/auth/account_rules.hpp"
#include "platform/referential/size_class.hpp"
#include "platform/audit/audit.hpp"
#include "features/registration/services/registration_mail.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "features/registration/store/registration_decisions.hpp"
#include "features/registration/store/waiting_list.hpp"

namespace ateliers::services {

namespace {

using registration::Mode;
using RegStatus = registration::Status;

int status_rank(RegStatus s) {
    switch (s) {
        case RegStatus::confirmed: return 0;
        case RegStatus::applied: return 1;
        case RegStatus::waiting: return 2;
        case RegStatus::declined: return 3;
        case RegStatus::cancelled: return 4;
    }
    return 5;
}

}  // namespace

std::vector<AdminRegistration> load_registrations(soci::session& sql, long long cycle_id) {
    auto out = store::cycle_registration_list(sql, cycle_id);
    std::stable_sort(out.begin(), out.end(), [](const AdminRegistration& a, const AdminRegistration& b) {
        return status_rank(a.status) < status_rank(b.status);
    });
    return out;
}

namespace {

bool matches(const AdminRegistration& a, const RegistrationFilters& f) {
    if (!f.status.empty() && f.status != registration::status_code(a.status)) return false;
    if (!f.mandate.empty() && f.mandate != a.mandate) return false;
    return true;
}

void add_to(std::vector<CountLine>& lines, const std::string& code, const std::string& label, bool confirmed) {
    auto it = std::find_if(lines.begin(), lines.end(), [&](const CountLine& l) { return l.code == code; });
    if (it == lines.end()) {
        lines.push_back({code, label, 0, 0});
        it = lines.end() - 1;
    }
    ++it->active;
    if (confirmed) ++it->confirmed;
}

}  // namespace

RegistrationCounts count_registrations(const std::vector<AdminRegistration>& all) {
    RegistrationCounts c;
    c.priority = {"prioritaire", "Public prioritaire (petites et moyennes communes et intercommunalités)", 0, 0};
    for (const auto& code : {"elu", "agent"}) {
        accounts::Mandate m;
        accounts::parse_mandate(code, m);
        c.mandates.push_back({code, accounts::mandate_label(m), 0, 0});
    }
    for (const auto& a : all) {
        switch (a.status) {
            case RegStatus::applied: ++c.applied; break;
            case RegStatus::confirmed: ++c.confirmed; break;
            case RegStatus::waiting: ++c.waiting; break;
            case RegStatus::declined: ++c.declined; break;
            case RegStatus::cancelled: ++c.cancelled; break;
        }
        if (!registration::is_active(a.status)) continue;
        const bool confirmed = a.status == RegStatus::confirmed;
        accounts::Mandate m;
        if (accounts::parse_mandate(a.mandate, m)) add_to(c.mandates, a.mandate, accounts::mandate_label(m), confirmed);
        add_to(c.size_classes, a.size_class, referential::size_class_label(a.size_class), confirmed);
        add_to(c.regions, a.region_code, a.region_name.empty() ? "Région non renseignée" : a.region_name, confirmed);
        const auto kind = territory_kind(a.size_class, a.zone);
        add_to(c.territory_kinds, kind, territory_kind_label(kind), confirmed);
        if (referential::is_priority_size_class(a.size_class)) {
            ++c.priority.active;
            if (confirmed) ++c.priority.confirmed;
        }
    }
    static const std::vector<std::string> size_order{"commune_small", "commune_medium", "commune_large",
                                                     "commune_xlarge", "epci_small",    "epci_medium",
                                                     "epci_large",    "departement",    "region"};
    const auto rank = [](const std::vector<std::string>& order, const std::string& code) {
        return std::find(order.begin(), order.end(), code) - order.begin();
    };
    std::stable_sort(c.size_classes.begin(), c.size_classes.end(),
                     [&](const CountLine& a, const CountLine& b) { return rank(size_order, a.code) < rank(size_order, b.code); });
    static const std::vector<std::string> kind_order{"ruralites",         "petites_villes", "villes_moyennes", "villes",
                                                     "intercommunalites", "departements_regions", "outre_mer"};
    std::stable_sort(c.territory_kinds.begin(), c.territory_kinds.end(),
                     [&](const CountLine& a, const CountLine& b) { return rank(kind_order, a.code) < rank(kind_order, b.code); });
    std::stable_sort(c.regions.begin(), c.regions.end(),
                     [](const CountLine& a, const CountLine& b) { return a.label < b.label; });
    return c;
}

namespace {

Failure conflict(const std::string& message) { return fail(message, {}, FailureKind::conflict); }

// Whoever else holds the collectivité's place on the cycle, as a French refusal.
std::optional<Failure> collectivite_place_taken(soci::session& sql, long long cycle_id, long long registration_id,
                                                const std::string& collectivite_id) {
    const auto other = store::collectivite_place_holder(sql, cycle_id, registration_id, collectivite_id);
    if (!other) return std::nullopt;
    RegStatus status;
    registration::parse_status(other->status, status);
    const std::string state = status == RegStatus::confirmed ? "est déjà inscrite" : "est déjà en liste d’attente";
    return conflict(other->full_name + ", de la même collectivité (" + other->collectivite_name + "), " + state +
                    " sur ce cycle : une seule inscription par collectivité peut être retenue. Refusez d’abord "
                    "l’autre demande si vous souhaitez retenir celle-ci.");
}

std::optional<Failure> already_active_elsewhere(soci::session& sql, long long cycle_id, long long registration_id,
                                                long long user_id) {
    if (store::other_active_registrations(sql, cycle_id, registration_id, user_id) == 0) return std::nullopt;
    return conflict("Cette personne a une autre demande en cours sur ce cycle : traitez plutôt celle-ci.");
}

}  // namespace

std::string territory_kind(const std::string& size_class, const std::string& zone) {
    if (!zone.empty() && zone != "metro") return "outre_mer";
    if (size_class == "commune_small") return "ruralites";
    if (size_class == "commune_medium") return "petites_villes";
    if (size_class == "commune_large") return "villes_moyennes";
    if (size_class == "commune_xlarge") return "villes";
    if (size_class.rfind("epci_", 0) == 0) return "intercommunalites";
    return "departements_regions";
}

std::string territory_kind_label(const std::string& code) {
    if (code == "outre_mer") return "Outre-mer";
    if (code == "ruralites") return "Ruralités (communes de moins de 3 500 habitants)";
    if (code == "petites_villes") return "Petites villes (3 500 à 19 999 habitants)";
    if (code == "villes_moyennes") return "Villes moyennes (20 000 à 99 999 habitants)";
    if (code == "villes") return "Grandes villes (100 000 habitants ou plus)";
    if (code == "intercommunalites") return "Intercommunalités";
    if (code == "departements_regions") return "Départements et régions";
    return code;
}

Result<std::optional<CycleRegistrations>> cycle_registrations(store::Database& db, const std::string& slug,
                                                              const RegistrationFilters& filters) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleRegistrations> {
            const auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            CycleRegistrations out;
            out.cycle = *cycle;
            const auto all = load_registrations(sql, cycle->id);
            out.total = static_cast<int>(all.size());
            out.counts = count_registrations(all);
            for (const auto& a : all)
                if (matches(a, filters)) out.rows.push_back(a);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<DecisionOutcome> decide_registration(store::Database& db, long long actor_id, const std::string& cycle_slug,
                                            long long registration_id, Decision decision, const MailContext& mail) {
    return store::in_transaction<DecisionOutcome>(db, [&](soci::session& sql) -> Result<DecisionOutcome> {
        const auto r = store::find_registration_on_cycle(sql, registration_id, cycle_slug);
        // Another cycle's registration is as unknown here as a missing one.
        if (!r) return fail("Cette inscription n’existe pas sur ce cycle.", {}, FailureKind::not_found);
        const long long cycle_id = r->cycle_id;
        RegStatus before;
        registration::parse_status(r->status, before);
        const std::string collectivite_id = r->collectivite_id;
        const std::string email = r->email;
        const std::string name = r->full_name;
        const long long user_id = r->user_id;
        const std::string collectivite_name = r->collectivite_name;
        const std::string held_slot = r->collectivite_slot;  // the collectivité's place, when this registration holds it
        // Queue behind registrations and other decisions on this cycle.
        const auto cycle = store::find_cycle_by_id(sql, db.dialect(), cycle_id, true);
        if (!cycle) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);

        DecisionOutcome outcome;
        outcome.cycle_slug = cycle->slug;
        outcome.full_name = name;
        const long long now = store::now_utc_seconds();
        RegistrationMailFacts facts{email, name, cycle->title, cycle->slug, first_session_text(sql, cycle_id), 0};
        std::string action;

        if (before == RegStatus::cancelled)
            return conflict(name + " a annulé son inscription : sa demande ne peut plus être traitée.");

        try {
            switch (decision) {
                case Decision::accept: {
                    if (before == RegStatus::confirmed) return conflict("L’inscription de " + name + " est déjà confirmée.");
                    if (auto f = already_active_elsewhere(sql, cycle_id, registration_id, user_id)) return *f;
                    const int confirmed = store::confirmed_count(sql, cycle_id);
                    if (confirmed >= cycle->capacity)
                        return conflict("Le cycle est complet : les " + std::to_string(cycle->capacity) +
                                        " places sont déjà confirmées. Libérez une place (refus ou liste d’attente) "
                                        "ou augmentez la capacité du cycle avant d’accepter " + name + ".");
                    if (auto f = collectivite_place_taken(sql, cycle_id, registration_id, collectivite_id)) return *f;
                    const auto seat = registration::free_seat(cycle->capacity, store::taken_seats(sql, cycle_id));
                    if (!seat)
                        return conflict("Le cycle est complet : aucune place n’est libre. Augmentez la capacité du "
                                        "cycle avant d’accepter " + name + ".");
                    store::confirm_with_seat_and_place(sql, registration_id, *seat, collectivite_id, now);
                    outcome.status = RegStatus::confirmed;
                    enqueue_mail(sql, registration_mail(RegistrationEvent::confirmed, facts, mail));
                    action = "registration.confirm";
                    break;
                }
                case Decision::decline: {
                    if (before == RegStatus::declined) return conflict("La demande de " + name + " est déjà refusée.");
                    store::decline_registration(sql, registration_id, now);
                    outcome.status = RegStatus::declined;
                    enqueue_mail(sql, registration_mail(RegistrationEvent::declined, facts, mail));
                    if (before == RegStatus::confirmed) promote_waiting(sql, cycle_id, mail);
                    if (!held_slot.empty()) notify_seat_alerts(sql, cycle_id, held_slot, mail);
                    action = "registration.decline";
                    break;
                }
                case Decision::wait: {
                    if (before == RegStatus::waiting) return conflict(name + " est déjà en liste d’attente.");
                    if (auto f = already_active_elsewhere(sql, cycle_id, registration_id, user_id)) return *f;
                    const bool holds_place = registration::holds_collectivite_place(cycle->mode, RegStatus::waiting);
                    if (holds_place)
                        if (auto f = collectivite_place_taken(sql, cycle_id, registration_id, collectivite_id)) return *f;
                    const bool frees_seat = before == RegStatus::confirmed && cycle->mode == Mode::first_come;
                    if (frees_seat) {
                        // In "premier arrivé" the freed seat goes to the first person waiting; this
                        // person joins the end of the line.
                        if (store::waiting_count(sql, cycle_id) == 0)
                            return conflict("Personne n’attend sur la liste d’attente de ce cycle « premier arrivé » : "
                                            "la place libérée reviendrait aussitôt à " + name +
                                            ". Pour libérer la place, refusez la demande.");
                    }
                    const std::optional<std::string> slot =
                        holds_place ? std::optional<std::string>(collectivite_id) : std::nullopt;
                    if (frees_seat) {
                        // Strictly after everyone else, even someone who arrived in this same millisecond.
                        const long long arrival = store::arrival_at_end_of_line(sql, cycle_id, store::now_utc_millis());
                        store::move_to_waiting(sql, registration_id, slot, arrival, now);
                        promote_waiting(sql, cycle_id, mail);
                    } else {
                        store::move_to_waiting(sql, registration_id, slot, std::nullopt, now);
                    }
                    outcome.status = RegStatus::waiting;
                    outcome.waiting_position = store::waiting_position(sql, cycle_id, registration_id);
                    facts.waiting_position = outcome.waiting_position;
                    enqueue_mail(sql, registration_mail(RegistrationEvent::moved_to_waiting, facts, mail));
                    action = "registration.wait";
                    break;
                }
            }
        } catch (const std::exception& e) {
            if (!store::is_unique_violation(e)) throw;
            // The database's own guarantees: a seat or a collectivité place given twice at the same instant.
            return conflict("La place de " + collectivite_name + " ou une place du cycle vient d’être attribuée à une "
                            "autre personne. Rechargez la page pour voir la situation à jour.");
        }
        record_audit(sql, actor_id, action, "registration:" + std::to_string(registration_id),
                     name + " (" + collectivite_name + ") – cycle " + cycle->slug + " : " +
                         registration::status_label(before) + " → " + registration::status_label(outcome.status));
        return outcome;
    });
}

}  // namespace ateliers::services
