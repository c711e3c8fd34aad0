#pragma once
// Dated supervision notes on a territory: shared with the territory team, or internal
// to the ANCT. The caller says which visibilities may be read.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct SupervisionNoteRow {
    long long id = 0;
    long long territory_id = 0;
    std::string visibility;  // territory | internal
    std::string body;
    long long author_id = 0;
    std::string author_name;  // from the account, empty once deleted
    std::string noted_on;     // Paris date, YYYY-MM-DD
    long long created_at = 0;
};

long long insert_supervision_note(soci::session& sql, const SupervisionNoteRow& n, long long now);
// Newest first; internal notes only when `with_internal`.
std::vector<SupervisionNoteRow> supervision_notes_of(soci::session& sql, long long territory_id, bool with_internal);

}  // namespace ateliers::store
