#include "features/roles/services/role_invitations.hpp"

#include "features/programmes/services/programme_admin.hpp"
#include "features/programmes/store/programmes.hpp"
#include "features/roles/store/role_invitations.hpp"
#include "features/roles/store/staff_roles.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/auth/invited_accounts.hpp"
#include "platform/auth/role_grants.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

Failure invalid(std::string message, std::string field) {
    return fail(std::move(message), std::move(field), FailureKind::invalid);
}

Failure dead_link(const std::string& why) { return fail(why, {}, FailureKind::gone); }

std::string cycle_role_text(const std::string& title) { return "Animation du cycle « " + title + " »"; }

// "Prestataire – Pélussin (42) – commune, programme « … »"
std::string provider_role_text(soci::session& sql, long long programme_id, long long territory_id) {
    std::string text = "Prestataire";
    for (const auto& p : store::list_programmes(sql)) {
        if (p.id != programme_id) continue;
        if (const auto t = store::find_programme_territory(sql, programme_id, territory_id)) text += " – " + t->label;
        text += ", programme « " + p.title + " »";
    }
    return text;
}

// The invitation behind a link, if it may still be used.
Result<store::RoleInvitationRow> live_invitation(soci::session& sql, const std::string& token) {
    if (token.empty() || token.size() > 100) return dead_link("Ce lien d’invitation n’est pas valable.");
    const auto row = store::find_role_invitation(sql, crypto::token_hash(token));
    if (!row) return dead_link("Ce lien d’invitation n’est pas valable.");
    if (row->used_at) return dead_link("Ce lien d’invitation a déjà servi : connectez-vous avec votre adresse.");
    if (row->expires_at < store::now_utc_seconds())
        return dead_link("Ce lien d’invitation a expiré : demandez à l’équipe d’organisation de vous inviter à nouveau.");
    return *row;
}

Result<RoleInvitationOutcome> invite_facilitator(soci::session& sql, const CurrentUser& actor,
                                                 const std::string& email, long long cycle_id,
                                                 const MailContext& mail) {
    const auto cycle = store::staff_cycle(sql, cycle_id);
    if (!cycle) return invalid("Choisissez le cycle que cette personne animera.", "cycle_id");
    const auto role_text = cycle_role_text(cycle->title);
    if (const auto account = store::staff_account_by_email(sql, email)) {
        const auto scope = std::to_string(cycle->id);
        if (store::staff_role_exists(sql, account->id, "facilitator", scope))
            return fail(account->full_name + " anime déjà ce cycle.", "email", FailureKind::conflict);
        store::insert_staff_role(sql, account->id, "facilitator", scope);
        enqueue_mail(sql, compose_mail(email, "Vous animez le cycle « " + cycle->title + " »", "Bonjour,",
                                       {"L’équipe d’organisation vous a confié l’animation du cycle « " +
                                            cycle->title + " ».",
                                        "Connectez-vous avec cette adresse : votre espace d’animation vous attend."},
                                       "Ouvrir l’espace d’animation", mail.base_url + "/animation"));
        record_audit(sql, actor.id, "role.grant", "user:" + std::to_string(account->id),
                     "Rôle donné par invitation : " + role_text + " à " + account->full_name + " (" + email + ")");
        return RoleInvitationOutcome::granted;
    }
    const auto token = crypto::random_token();
    const long long now = store::now_utc_seconds();
    store::RoleInvitationRow row;
    row.email = email;
    row.role = "facilitator";
    row.cycle_id = cycle->id;
    row.invited_by = actor.id;
    row.created_at = now;
    row.expires_at = now + role_invitation_lifetime_seconds;
    store::insert_role_invitation(sql, row, crypto::token_hash(token));
    enqueue_mail(sql, compose_mail(email, "Invitation à animer le cycle « " + cycle->title + " »", "Bonjour,",
                                   {"L’équipe d’organisation vous invite à animer le cycle « " + cycle->title + " ».",
                                    "Créez votre compte avec ce lien, valable 14 jours et une seule fois."},
                                   "Créer mon compte", mail.base_url + "/invitation/" + token));
    record_audit(sql, actor.id, "role.invite", "cycle:" + cycle->slug, "Invitation envoyée : " + role_text + " à " + email);
    return RoleInvitationOutcome::invited;
}

Result<RoleInvitationOutcome> invite_provider(soci::session& sql, const CurrentUser& actor,
                                              const RoleInvitationRequest& request, const std::string& email,
                                              const MailContext& mail) {
    if (request.programme_slug.empty() || request.territory_id <= 0)
        return invalid("Choisissez le territoire du programme que cette personne accompagnera.", "territory");
    const auto programme = store::find_programme(sql, request.programme_slug);
    if (!programme) return invalid("Ce programme n’existe pas.", "territory");
    const bool has_account = store::staff_account_by_email(sql, email).has_value();
    // The membership is the programme's (kept by e-mail until the account exists): its
    // own mail goes to an existing account, ours with the link to a new one.
    MemberInvitation member{email, "provider", request.territory_id, std::string(text::trim(request.organisation)),
                            has_account};
    auto added = add_programme_member(sql, &actor, programme->slug, member, mail);
    if (!added) {
        Failure f = added.failure();
        if (f.field == "territory_id") f.field = "territory";
        return f;
    }
    if (has_account) return RoleInvitationOutcome::granted;
    const auto token = crypto::random_token();
    const long long now = store::now_utc_seconds();
    store::RoleInvitationRow row;
    row.email = email;
    row.role = "provider";
    row.programme_id = programme->id;
    row.territory_id = request.territory_id;
    row.invited_by = actor.id;
    row.created_at = now;
    row.expires_at = now + role_invitation_lifetime_seconds;
    store::insert_role_invitation(sql, row, crypto::token_hash(token));
    const auto role_text = provider_role_text(sql, programme->id, request.territory_id);
    enqueue_mail(sql, compose_mail(email, "Invitation au programme « " + programme->title + " »", "Bonjour,",
                                   {"L’équipe d’organisation vous invite à rejoindre le programme en tant que : " +
                                        role_text + ".",
                                    "Créez votre compte avec ce lien, valable 14 jours et une seule fois."},
                                   "Créer mon compte", mail.base_url + "/invitation/" + token));
    record_audit(sql, actor.id, "role.invite", "programme:" + programme->slug,
                 "Invitation envoyée : " + role_text + " à " + email);
    return RoleInvitationOutcome::invited;
}

}  // namespace

Result<RoleInvitationOutcome> invite_to_role(store::Database& db, const CurrentUser& actor,
                                             const RoleInvitationRequest& request, const MailContext& mail) {
    if (!role_grants::may_grant(role_grants::granter_of(actor.roles), "facilitator"))
        return fail("Seule l’équipe d’organisation envoie des invitations.", {}, FailureKind::forbidden);
    const auto email = accounts::normalise_email(request.email);
    if (email.find('@') == std::string::npos || email.size() > 254)
        return invalid("Indiquez une adresse électronique valide.", "email");
    if (request.role != "facilitator" && request.role != "provider")
        return invalid("Choisissez : animation d’un cycle ou prestataire d’un programme.", "role");
    return store::in_transaction<RoleInvitationOutcome>(db, [&](soci::session& sql) -> Result<RoleInvitationOutcome> {
        if (request.role == "facilitator") return invite_facilitator(sql, actor, email, request.cycle_id, mail);
        return invite_provider(sql, actor, request, email, mail);
    });
}

Result<RoleInvitationView> role_invitation_view(store::Database& db, const std::string& token) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<RoleInvitationView> {
            auto row = live_invitation(sql, token);
            if (!row) return row.failure();
            RoleInvitationView view{row->email, {}};
            if (row->role == "facilitator") {
                const auto cycle = store::staff_cycle(sql, row->cycle_id);
                view.role_text = cycle_role_text(cycle ? cycle->title : "");
            } else {
                view.role_text = provider_role_text(sql, row->programme_id, row->territory_id);
            }
            return view;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<LoginOutcome> accept_role_invitation(store::Database& db, const std::string& token,
                                            const std::string& full_name_typed, const std::string& password,
                                            const std::string& confirm) {
    // A dead link is told before the slow password hash.
    auto view = role_invitation_view(db, token);
    if (!view) return view.failure();
    const auto full_name = std::string(text::trim(full_name_typed));
    std::map<std::string, std::string> errors;
    if (full_name.empty() || full_name.size() > 200) errors["full_name"] = "Indiquez votre nom et prénom.";
    if (auto problem = accounts::password_problem(password, confirm, view->email); !problem.empty())
        errors["password"] = problem;
    if (!errors.empty()) {
        Failure f = invalid("Le formulaire contient des erreurs : corrigez les champs signalés.", {});
        f.fields = std::move(errors);
        return f;
    }
    const auto hash = crypto::hash_password(password);
    return store::in_transaction<LoginOutcome>(db, [&](soci::session& sql) -> Result<LoginOutcome> {
        auto row = live_invitation(sql, token);
        if (!row) return row.failure();
        if (!store::use_role_invitation(sql, row->id, store::now_utc_seconds()))
            return dead_link("Ce lien d’invitation a déjà servi : connectez-vous avec votre adresse.");
        const auto opened = open_invited_account(sql, row->email, full_name, hash);
        if (!opened)
            return fail("Un compte existe déjà avec l’adresse " + row->email + " : connectez-vous.", {},
                        FailureKind::conflict);
        if (row->role == "facilitator")
            store::insert_staff_role(sql, opened->user_id, "facilitator", std::to_string(row->cycle_id));
        record_audit(sql, opened->user_id, "role.invitation_accept", "user:" + std::to_string(opened->user_id),
                     "Invitation acceptée : " + view->role_text + " par " + full_name + " (" + row->email + ")");
        return LoginOutcome{opened->session_token, opened->user_id};
    });
}

}  // namespace ateliers::services
