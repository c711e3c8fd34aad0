#pragma once
// The facts behind an event's report: each confirmed registration with where it comes
// from (the collectivité chosen on the form, else the one of the person's account) and
// whether it was checked in; each workshop's seats held, held by people checked in, and
// people marked present.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct EventAttendanceFacts {
    long long registration_id = 0;
    std::string organisation_kind;
    std::string attendance;  // in_person | online
    std::string size_class, zone;
    std::string region_code, region_name;
    std::string departement_code, departement_name;
    bool checked_in = false;
};
// Confirmed registrations, by arrival.
std::vector<EventAttendanceFacts> event_attendance_facts(soci::session& sql, long long event_id);

struct WorkshopAttendanceFacts {
    long long item_id = 0;
    int held = 0;        // seats held by confirmed people
    int checked_in = 0;  // of those, people checked in at the welcome desk
    int present = 0;     // of those, people marked present in the workshop
};
std::vector<WorkshopAttendanceFacts> workshop_attendance_facts(soci::session& sql, long long event_id);

}  // namespace ateliers::store
