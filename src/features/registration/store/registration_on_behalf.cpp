#include "features/registration/store/registration_on_behalf.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<OnBehalfAccount> on_behalf_account(soci::session& sql, const std::string& email) {
    soci::row r;
    sql << "SELECT id, email, full_name, COALESCE(collectivite_id, '') AS collectivite_id FROM users "
           "WHERE email = :e AND erased_at IS NULL",
        soci::use(email), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return OnBehalfAccount{as_int(r, "id"), as_text(r, "email"), as_text(r, "full_name"), as_text(r, "collectivite_id")};
}

void mark_registered_by_team(soci::session& sql, long long registration_id, long long organiser_id) {
    sql << "UPDATE registrations SET registered_by = :o WHERE id = :r", soci::use(organiser_id), soci::use(registration_id);
}

std::optional<MovableRegistration> movable_registration(soci::session& sql, long long registration_id) {
    soci::row r;
    sql << "SELECT r.id, r.cycle_id, r.user_id, r.status, r.collectivite_id, COALESCE(r.collectivite_slot, '') AS slot, "
           "r.mandate, r.function_title, r.situation, u.email, u.full_name "
           "FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.id = :i",
        soci::use(registration_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return MovableRegistration{as_int(r, "id"),           as_int(r, "cycle_id"),        as_int(r, "user_id"),
                               as_text(r, "status"),      as_text(r, "collectivite_id"), as_text(r, "slot"),
                               as_text(r, "mandate"),     as_text(r, "function_title"),  as_text(r, "situation"),
                               as_text(r, "email"),       as_text(r, "full_name")};
}

}  // namespace ateliers::store
