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
    const auto voice = registration::Voice::organiser;
    const auto prepared = prepare_registration(db, request, voice);
    if (!prepared) return prepared.failure();
    // One transaction: a registration never stands without its mark and its journal line.
    auto outcome = store::in_transaction<RegistrationOutcome>(db, [&](soci::session& sql) -> Result<RegistrationOutcome> {
        auto made = register_within(sql, db.dialect(), person, request, prepared.value(), voice, mail);
        if (!made) return made;
        store::mark_registered_by_team(sql, made->registration_id, organiser.id);
        record_audit(sql, organiser.id, "registration.on_behalf", "registration:" + std::to_string(made->registration_id),
                     "Inscription faite par l’équipe : " + account->full_name + " (" + email + ") au cycle " +
                         request.cycle_slug);
        return made;
    });
    if (outcome) add_overlap_warnings(db, person.id, voice, outcome.value());
    return outcome;
}

}  // namespace ateliers::services
