#include "features/events/store/event_mailings.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

std::vector<MailingRecipientRow> event_mailing_recipients(soci::session& sql, long long event_id, const std::string& audience,
                                                          long long item_id) {
    std::vector<MailingRecipientRow> out;
    const auto add = [&](const soci::row& r) { out.push_back({as_text(r, "email"), as_text(r, "full_name")}); };
    if (audience == "workshop") {
        for_each_row(
            sql,
            "SELECT u.email, u.full_name FROM event_choices c JOIN event_registrations r ON r.id = c.registration_id "
            "JOIN users u ON u.id = r.user_id WHERE r.event_id = :e AND c.item_id = :i AND c.status = 'held' "
            "AND r.status = 'confirmed' ORDER BY u.full_name, u.id",
            add, soci::use(event_id), soci::use(item_id));
    } else {
        const std::string status = audience == "waiting" ? "waiting" : "confirmed";
        for_each_row(
            sql,
            "SELECT u.email, u.full_name FROM event_registrations r JOIN users u ON u.id = r.user_id "
            "WHERE r.event_id = :e AND r.status = :s ORDER BY u.full_name, u.id",
            add, soci::use(event_id), soci::use(status));
    }
    return out;
}

bool record_event_mailing(soci::session& sql, const std::string& token, long long event_id, const std::string& audience,
                          const std::string& subject, int recipients, long long sent_by, long long now) {
    std::string inserted;
    soci::indicator ind = soci::i_null;
    const long long by = sent_by;
    soci::indicator by_ind = sent_by ? soci::i_ok : soci::i_null;
    execute(sql,
            "INSERT INTO event_mailings (token, event_id, audience, subject, recipients, sent_by, sent_at) "
            "VALUES (:t, :e, :a, :s, :n, :by, :at) ON CONFLICT (token) DO NOTHING RETURNING token",
            soci::use(token), soci::use(event_id), soci::use(audience), soci::use(subject), soci::use(recipients),
            soci::use(by, by_ind), soci::use(now), soci::into(inserted, ind));
    return ind == soci::i_ok && inserted == token;
}

std::optional<int> event_mailing_recipients_count(soci::session& sql, const std::string& token) {
    int n = 0;
    if (!execute(sql, "SELECT recipients FROM event_mailings WHERE token = :t", soci::use(token), soci::into(n)))
        return std::nullopt;
    return n;
}

}  // namespace ateliers::store
