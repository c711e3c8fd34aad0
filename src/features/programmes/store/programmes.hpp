#pragma once
// A programme, its territories (collectivités of the referential) and its members.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace ateliers::store {

struct ProgrammeRow {
    long long id = 0;
    std::string slug;
    std::string title;
    std::string summary;
    std::string description;
    int starts_year = 0;
    int years = 3;
    bool demo = false;
};

long long insert_programme(soci::session& sql, const ProgrammeRow& p, long long now);
std::optional<ProgrammeRow> find_programme(soci::session& sql, const std::string& slug);
std::vector<ProgrammeRow> list_programmes(soci::session& sql);

struct ProgrammeTerritoryRow {
    long long id = 0;
    long long programme_id = 0;
    std::string collectivite_id;
    std::string label;  // "Pélussin (42) – commune"
    std::string collectivite_kind;
    bool demo = false;
};

long long insert_programme_territory(soci::session& sql, const ProgrammeTerritoryRow& t, long long now);
std::vector<ProgrammeTerritoryRow> programme_territories(soci::session& sql, long long programme_id);  // by label
std::optional<ProgrammeTerritoryRow> find_programme_territory(soci::session& sql, long long programme_id,
                                                              long long territory_id);
bool programme_has_collectivite(soci::session& sql, long long programme_id, const std::string& collectivite_id);

struct ProgrammeMemberRow {
    long long id = 0;
    long long programme_id = 0;
    long long territory_id = 0;  // 0: the whole programme (manager)
    std::string email;
    long long user_id = 0;  // 0: invited, no account yet
    std::string role;       // territory_team | provider | manager
    std::string organisation;
};

long long insert_programme_member(soci::session& sql, const ProgrammeMemberRow& m, long long now);
bool programme_member_exists(soci::session& sql, const ProgrammeMemberRow& m);
std::vector<ProgrammeMemberRow> programme_members(soci::session& sql, long long programme_id);
// The memberships of one person: by account, or by e-mail for invitations not yet tied.
std::vector<ProgrammeMemberRow> memberships_of(soci::session& sql, long long programme_id, long long user_id,
                                               const std::string& email);

// Removes one membership of the programme; false when there was none.
bool delete_programme_member(soci::session& sql, long long programme_id, long long member_id);

// The account holding that (normalised) e-mail, 0 when none yet.
long long account_id_for_email(soci::session& sql, const std::string& email);

}  // namespace ateliers::store
