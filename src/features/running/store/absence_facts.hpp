#pragma once
// What the mail to an absent participant tells: the session's plan and groups, and
// whom to warn next time.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

// The session's own plan phases (JSON text), nullopt when it has none.
std::optional<std::string> session_plan_phases(soci::session& sql, long long session_id);

// Clients (people whose situation a group studies) of the session.
int session_client_count(soci::session& sql, long long session_id);

struct GroupClientRow {
    long long registration_id = 0;
    std::string full_name;
};

// The clients of the group the registration was in during the session.
std::vector<GroupClientRow> clients_of_group_of(soci::session& sql, long long session_id, long long registration_id);

struct FacilitatorContactRow {
    std::string full_name;
    std::string email;  // empty when the facilitator has no account
};

std::optional<FacilitatorContactRow> facilitator_contact(soci::session& sql, long long facilitator_id);

// The first of the site's contact addresses, if any.
std::optional<std::string> first_contact_email(soci::session& sql);

}  // namespace ateliers::store
