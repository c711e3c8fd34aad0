#pragma once
// The stakeholder map of a project: actors (who, which of the "4 fantastiques", role in the
// schéma actantiel, influence, interest, stance) and links. The territory team edits it;
// whoever may see the project sees it. `actor` null: the command line (demo content).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/projects/domain/actor_map.hpp"
#include "features/projects/domain/actors.hpp"
#include "features/projects/domain/project_access.hpp"
#include "features/projects/store/actors.hpp"
#include "features/projects/store/projects.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// As typed in the form: every field is checked, each wrong one gets its French message
// (Failure::fields), nothing is half saved.
struct ActorInput {
    std::string name, kind, category, actant, influence, interest, stance, notes;
};
struct ActorLinkInput {
    std::string from, to, kind, step, label;
};

Result<long long> add_project_actor(store::Database& db, const CurrentUser* actor, long long project_id, const ActorInput& in);
Status update_project_actor(store::Database& db, const CurrentUser& user, long long project_id, long long actor_id,
                            const ActorInput& in);
Status remove_project_actor(store::Database& db, const CurrentUser& user, long long project_id, long long actor_id);
// x, y as sent by the drag script (whole numbers within the drawing); both empty: back to
// the computed place.
Status move_project_actor(store::Database& db, const CurrentUser& user, long long project_id, long long actor_id,
                          const std::string& x, const std::string& y);
Result<long long> add_project_actor_link(store::Database& db, const CurrentUser* actor, long long project_id,
                                         const ActorLinkInput& in);
Status remove_project_actor_link(store::Database& db, const CurrentUser& user, long long project_id, long long link_id);

struct ActorMapView {
    store::ProjectRow project;
    projects::Viewer viewer;
    std::vector<store::ActorRow> actors;
    std::vector<store::ActorLinkRow> links;
    std::vector<projects::ActorCategory> missing;  // of the four fantastiques
    projects::MapLayout layout;
};
Result<ActorMapView> project_actor_map(store::Database& db, const CurrentUser& user, long long project_id);

// The layout of stored rows (also used by the benchmark).
projects::MapLayout layout_of(const std::vector<store::ActorRow>& actors, const std::vector<store::ActorLinkRow>& links);

inline constexpr int max_map_coordinate = 20000;

}  // namespace ateliers::services
