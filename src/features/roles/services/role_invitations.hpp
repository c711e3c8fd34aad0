#pragma once
// Inviting a facilitator (for a cycle) or a provider (for a programme territory) by
// e-mail. An existing account gets the role at once and a mail says so; otherwise the
// person receives a single-use link, valid role_invitation_lifetime_seconds, to create
// their account with the role (only the link's hash is stored, as for sessions).
#include <string>

#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

inline constexpr long long role_invitation_lifetime_seconds = 14 * 24 * 3600;

struct RoleInvitationRequest {
    std::string email;
    std::string role;               // facilitator | provider
    long long cycle_id = 0;         // facilitator
    std::string programme_slug;     // provider
    long long territory_id = 0;     // provider
    std::string organisation;       // provider, optional
};

enum class RoleInvitationOutcome { granted, invited };

// Organisers (role_grants: may grant "facilitator"); one transaction with the mail and
// the audit line.
Result<RoleInvitationOutcome> invite_to_role(store::Database& db, const CurrentUser& actor,
                                             const RoleInvitationRequest& request, const MailContext& mail);

struct RoleInvitationView {
    std::string email;
    std::string role_text;  // "Animation du cycle « … »", "Prestataire – Pélussin (42)…"
};
// 410 (gone) when the link is unknown, used or expired.
Result<RoleInvitationView> role_invitation_view(store::Database& db, const std::string& token);

// Creates the account (confirmed: the link proves the mailbox), gives the role, uses the
// link and opens a session.
Result<LoginOutcome> accept_role_invitation(store::Database& db, const std::string& token,
                                            const std::string& full_name, const std::string& password,
                                            const std::string& confirm);

}  // namespace ateliers::services
