#include "features/cycles/store/cycle_messages.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

std::string status_list(const std::vector<std::string>& statuses) {
    std::string out;
    for (const auto& s : statuses) out += (out.empty() ? "'" : ", '") + s + "'";
    return out;
}

}  // namespace

std::vector<MessageRecipient> message_recipients(soci::session& sql, long long cycle_id,
                                                 const std::vector<std::string>& statuses) {
    std::vector<MessageRecipient> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT DISTINCT u.email, u.full_name FROM registrations r JOIN users u ON u.id = r.user_id "
                        "WHERE r.cycle_id = :c AND r.status IN (" + status_list(statuses) + ") ORDER BY u.email",
         soci::use(cycle_id));
    for (const auto& r : rows) out.push_back({as_text(r, "email"), as_text(r, "full_name")});
    return out;
}

int audience_size(soci::session& sql, long long cycle_id, const std::vector<std::string>& statuses) {
    long long n = 0;
    sql << "SELECT COUNT(DISTINCT r.user_id) FROM registrations r WHERE r.cycle_id = :c AND r.status IN (" +
               status_list(statuses) + ")",
        soci::use(cycle_id), soci::into(n);
    return static_cast<int>(n);
}

std::vector<MessageRecipient> confirmed_and_waiting(soci::session& sql, long long cycle_id) {
    std::vector<MessageRecipient> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT u.email, u.full_name FROM registrations r JOIN users u ON u.id = r.user_id "
                        "WHERE r.cycle_id = :c AND r.status IN ('confirmed', 'waiting') ORDER BY r.arrival, r.id",
         soci::use(cycle_id));
    for (const auto& r : rows) out.push_back({as_text(r, "email"), as_text(r, "full_name")});
    return out;
}

}  // namespace ateliers::store
