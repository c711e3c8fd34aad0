#include "features/registration/services/registration_on_behalf.hpp"

#include "features/registration/store/registration_on_behalf.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::services {

Result<RegistrationOutcome> register_on_behalf(store::Database& db, const CurrentUser& organiser,
                                               const std::string& email_typed, const RegistrationRequest& request,
                                               const MailContext& mail) {
    if (!permissions::can_organise(organiser))
        return fail("Seule l’équipe d’organisation inscrit une personne à sa place.", {}, FailureKind::forbidden);
    const auto email = accounts::normalise_email(email_typed);
    if (email.find('@') == std::string::npos)
        return fail("Indiquez l’adresse électronique du compte de la personne.", "email", FailureKind::invalid);
    std::optional<store::OnBehalfAccount> account;
    try {
        account = store::with_session(db, [&](soci::session& sql) { return store::on_behalf_account(sql, email); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    if (!account)
        return fail("Aucun compte avec l’adresse " + email +
                        " : la personne doit d’abord créer son compte (ou être invitée).",
                    "email", FailureKind::not_found);
    CurrentUser person;
    person.id = account->id;
    person.email = account->email;
    person.full_name = account->full_name;
    person.collectivite_id = account->collectivite_id;
    person.roles = {"participant"};
    auto outcome = register_for_cycle(db, person, request, mail);
    if (!outcome) return outcome;
    // The registration stands with every rule checked; the mark and the journal follow.
    auto marked = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        store::mark_registered_by_team(sql, outcome->registration_id, organiser.id);
        record_audit(sql, organiser.id, "registration.on_behalf", "registration:" + std::to_string(outcome->registration_id),
                     "Inscription faite par l’équipe : " + account->full_name + " (" + email + ") au cycle " +
                         request.cycle_slug);
        return Done{};
    });
    if (!marked) return marked.failure();
    return outcome;
}

}  // namespace ateliers::services
