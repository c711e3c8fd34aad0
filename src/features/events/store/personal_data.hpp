#pragma once
// A person's event registrations, chosen workshops, check-ins and questionnaire answers, for "Mes données",
// erasure and retention.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> event_personal_tables(soci::session& sql, long long user_id);
// The events not yet ended where the person holds or awaits a seat.
std::vector<std::string> events_still_ahead_for(soci::session& sql, long long user_id, std::int64_t now);
// Organisation name, function, meals, accessibility needs and questionnaire comments blanked,
// off the public list; the kind of organisation, the collectivité, the check-ins and the
// questionnaire's ratings stay for the report.
void forget_event_texts(soci::session& sql, long long user_id);
// The same for everyone registered to events ended before `ended_before`, except the
// organisation (the report by organisation keeps it); how many changed.
int expire_event_texts(soci::session& sql, std::int64_t ended_before);

}  // namespace ateliers::store
