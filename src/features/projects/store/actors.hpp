#pragma once
// The stakeholder map of a project: its actors and the links between them.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct ActorRow {
    long long id = 0;
    long long project_id = 0;
    std::string name;
    std::string kind;      // person | organisation
    std::string category;  // projects::category_name
    std::string actant;    // projects::actant_name ('' for none)
    int influence = 1, interest = 1;
    std::string stance;    // projects::stance_name
    std::string notes;
    std::optional<int> x, y;  // where someone dragged it
};
long long insert_actor(soci::session& sql, const ActorRow& a, long long now);
void update_actor(soci::session& sql, const ActorRow& a);  // every field but the position
void move_actor(soci::session& sql, long long actor_id, std::optional<int> x, std::optional<int> y);
void delete_actor(soci::session& sql, long long actor_id);
std::optional<ActorRow> find_actor(soci::session& sql, long long project_id, long long actor_id);
std::vector<ActorRow> project_actors(soci::session& sql, long long project_id);  // by name
std::vector<std::string> project_actor_categories(soci::session& sql, long long project_id);

struct ActorLinkRow {
    long long id = 0;
    long long project_id = 0;
    long long from_actor = 0, to_actor = 0;
    std::string kind;         // influence | action
    std::optional<int> step;  // order of the actions 0, 1… (action links)
    std::string label;
};
long long insert_actor_link(soci::session& sql, const ActorLinkRow& l, long long now);
void delete_actor_link(soci::session& sql, long long project_id, long long link_id);
bool actor_link_exists(soci::session& sql, long long project_id, long long link_id);
std::vector<ActorLinkRow> project_actor_links(soci::session& sql, long long project_id);  // by step, then id

}  // namespace ateliers::store
