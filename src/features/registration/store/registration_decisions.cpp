#include "features/registration/store/registration_decisions.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<DecisionSubject> find_registration_on_cycle(soci::session& sql, long long registration_id,
                                                          const std::string& cycle_slug) {
    soci::row r;
    sql << "SELECT r.cycle_id, r.status, r.collectivite_id, u.email, u.full_name, r.user_id, c.name, "
           "COALESCE(r.collectivite_slot, '') AS collectivite_slot "
           "FROM registrations r JOIN users u ON u.id = r.user_id JOIN collectivites c ON c.id = r.collectivite_id "
           "JOIN cycles y ON y.id = r.cycle_id WHERE r.id = :id AND y.slug = :slug",
        soci::use(registration_id, "id"), soci::use(cycle_slug, "slug"), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    DecisionSubject s;
    s.cycle_id = as_int(r, "cycle_id");
    s.status = as_text(r, "status");
    s.collectivite_id = as_text(r, "collectivite_id");
    s.email = as_text(r, "email");
    s.full_name = as_text(r, "full_name");
    s.user_id = as_int(r, "user_id");
    s.collectivite_name = as_text(r, "name");
    s.collectivite_slot = as_text(r, "collectivite_slot");
    return s;
}

std::optional<PlaceHolder> collectivite_place_holder(soci::session& sql, long long cycle_id, long long registration_id,
                                                     const std::string& collectivite_id) {
    soci::row other;
    sql << "SELECT u.full_name, r.status, c.name FROM registrations r JOIN users u ON u.id = r.user_id "
           "JOIN collectivites c ON c.id = r.collectivite_id "
           "WHERE r.cycle_id = :c AND r.collectivite_slot = :k AND r.id <> :id",
        soci::use(cycle_id, "c"), soci::use(collectivite_id, "k"), soci::use(registration_id, "id"), soci::into(other);
    if (!sql.got_data()) return std::nullopt;
    return PlaceHolder{as_text(other, "full_name"), as_text(other, "status"), as_text(other, "name")};
}

int other_active_registrations(soci::session& sql, long long cycle_id, long long registration_id, long long user_id) {
    long long others = 0;
    sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND user_id = :u AND id <> :id "
           "AND status IN ('applied', 'confirmed', 'waiting')",
        soci::use(cycle_id, "c"), soci::use(user_id, "u"), soci::use(registration_id, "id"), soci::into(others);
    return static_cast<int>(others);
}

void confirm_with_seat_and_place(soci::session& sql, long long registration_id, int seat,
                                 const std::string& collectivite_id, long long now) {
    sql << "UPDATE registrations SET status = 'confirmed', seat = :seat, collectivite_slot = :k, "
           "updated_at = :t WHERE id = :id",
        soci::use(seat), soci::use(collectivite_id), soci::use(now), soci::use(registration_id);
}

void decline_registration(soci::session& sql, long long registration_id, long long now) {
    sql << "UPDATE registrations SET status = 'declined', seat = NULL, collectivite_slot = NULL, "
           "updated_at = :t WHERE id = :id",
        soci::use(now), soci::use(registration_id);
}

void move_to_waiting(soci::session& sql, long long registration_id, const std::optional<std::string>& collectivite_slot,
                     std::optional<long long> arrival, long long now) {
    soci::indicator slot_ind = collectivite_slot ? soci::i_ok : soci::i_null;
    const std::string slot = collectivite_slot.value_or(std::string());
    if (arrival) {
        const long long a = *arrival;
        sql << "UPDATE registrations SET status = 'waiting', seat = NULL, collectivite_slot = :k, "
               "arrival = :a, updated_at = :t WHERE id = :id",
            soci::use(slot, slot_ind), soci::use(a), soci::use(now), soci::use(registration_id);
    } else {
        sql << "UPDATE registrations SET status = 'waiting', seat = NULL, collectivite_slot = :k, "
               "updated_at = :t WHERE id = :id",
            soci::use(slot, slot_ind), soci::use(now), soci::use(registration_id);
    }
}

}  // namespace ateliers::store
