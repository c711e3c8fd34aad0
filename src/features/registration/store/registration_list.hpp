#pragma once
// A cycle's registrations as organisers see them: the person, the collectivité and
// its region, the request and its state.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"

namespace ateliers::store {

struct AdminRegistration {
    long long id = 0;
    std::string full_name;
    std::string email;
    std::string collectivite_id;
    std::string collectivite_label;  // "Pélussin (42) – commune"
    // As declared by the person; nothing checks yet that they work there (ProConnect will).
    // Read by cycle_registration_list only.
    bool collectivite_verified = false;
    // Made or moved by an organiser ("inscrit par l’équipe"); read by cycle_registration_list only.
    bool registered_by_team = false;
    std::string size_class;          // code, see referential::size_class
    std::string zone;                // metro | drom | com
    std::string region_code;
    std::string region_name;
    std::string mandate;  // elu | agent
    std::string function_title;
    std::string situation;
    registration::Status status = registration::Status::applied;
    std::int64_t arrival_ms = 0;  // when they registered (milliseconds, UTC)
    int seat = 0;                 // 0 when none
    int waiting_position = 0;     // 1 = next in line, when waiting
};

// Reading AdminRegistration rows: `admin_registration_select` (the columns
// read_admin_registration reads, by name; more may follow) then `admin_registration_from`
// (registrations r, users u, collectivites c, regions g) and the caller's WHERE.
extern const char* const admin_registration_select;
extern const char* const admin_registration_from;
AdminRegistration read_admin_registration(const soci::row& r);

// Every registration of the cycle, in the waiting list's order (store/waiting_list.hpp),
// waiting positions filled in.
std::vector<AdminRegistration> cycle_registration_list(soci::session& sql, long long cycle_id);

// A registration as the API lists it (GET /api/v1/cycles/{slug}/registrations).
struct RegistrationSummary {
    long long id = 0;
    std::string status;
    std::optional<long long> seat;
    long long arrival_ms = 0;
    long long created_at = 0;
    std::string collectivite_id;
    std::string mandate;
    std::string function_title;
    std::string situation;
    std::string full_name;
    std::string email;
    int waiting_position = 0;  // 1 = next in line, when waiting
};

// Every registration of the cycle, in the waiting list's order, waiting positions filled in.
std::vector<RegistrationSummary> cycle_registration_summaries(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
