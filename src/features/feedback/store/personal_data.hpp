#pragma once
// A person's questionnaire answers, testimonials and theme suggestions, for "Mes données"
// and erasure.
#include <soci/soci.h>

#include <cstdint>
#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> feedback_personal_tables(soci::session& sql, long long user_id);
// Comments blanked (the marks stay for the averages); testimonials and suggested themes,
// signed texts, deleted.
void forget_feedback_texts(soci::session& sql, long long user_id);
// Comments of the registrations of cycles ended before `ended_before` blanked.
int expire_feedback_texts(soci::session& sql, std::int64_t ended_before);

}  // namespace ateliers::store
