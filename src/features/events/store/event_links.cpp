#include "features/events/store/event_links.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

long long insert_event_link(soci::session& sql, const EventLinkRow& l, long long now) {
    long long id = 0;
    sql << "INSERT INTO event_links (event_id, title, url, created_at) VALUES (:e, :t, :u, :now) RETURNING id",
        soci::use(l.event_id), soci::use(l.title), soci::use(l.url), soci::use(now), soci::into(id);
    return id;
}

bool delete_event_link(soci::session& sql, long long event_id, long long link_id) {
    long long found = 0;
    if (!execute(sql, "SELECT id FROM event_links WHERE id = :id AND event_id = :e", soci::use(link_id), soci::use(event_id),
                 soci::into(found)))
        return false;
    execute(sql, "DELETE FROM event_links WHERE id = :id", soci::use(link_id));
    return true;
}

std::vector<EventLinkRow> event_links(soci::session& sql, long long event_id) {
    std::vector<EventLinkRow> out;
    for_each_row(
        sql, "SELECT id, event_id, title, url FROM event_links WHERE event_id = :e ORDER BY id",
        [&](const soci::row& r) { out.push_back({as_int(r, 0), as_int(r, 1), as_text(r, 2), as_text(r, 3)}); },
        soci::use(event_id));
    return out;
}

}  // namespace ateliers::store
