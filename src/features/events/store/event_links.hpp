#pragma once
// Documents published after an event, as links.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct EventLinkRow {
    long long id = 0;
    long long event_id = 0;
    std::string title;
    std::string url;
};
long long insert_event_link(soci::session& sql, const EventLinkRow& l, long long now);
// False when no such link of this event.
bool delete_event_link(soci::session& sql, long long event_id, long long link_id);
std::vector<EventLinkRow> event_links(soci::session& sql, long long event_id);  // in the order added

}  // namespace ateliers::store
