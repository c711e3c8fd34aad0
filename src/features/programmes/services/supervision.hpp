#pragma once
// Dated supervision notes on a territory: shared with the territory's team, or internal
// to the ANCT and never shown to the territory (nor to its providers).
#include <string>
#include <vector>

#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/store/notes.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct SupervisionView {
    std::vector<store::SupervisionNoteRow> notes;  // only those the person may read, newest first
    bool can_write_shared = false;
    bool can_write_internal = false;
};

Result<SupervisionView> supervision_notes(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          long long territory_id);

struct SupervisionNoteInput {
    std::string visibility;  // territory | internal
    std::string body;
    std::string noted_on;  // as typed: "2026-03-14" or "14/03/2026"
};

Result<long long> add_supervision_note(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, const SupervisionNoteInput& input);

}  // namespace ateliers::services
