#pragma once
// Fictitious activity on top of the demo content, so that a local `make run` shows
// the organisers' and facilitators' pages with something in them: a selection
// round with applicants (two demo cycles switched to "sur candidature"), and a
// finished cycle with its breakout groups, attendance, action leads, answers to
// the questionnaire and a testimonial waiting for review.
//
// Never for a real database: the people are made up (addresses under
// demo.ateliers.invalid, no usable password), and no e-mail is queued for them.
// Idempotent: does nothing when those people already exist.
#include <cstdint>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct DemoActivityCounts {
    bool already_there = false;
    int people = 0;
    int applications = 0;     // in the selection round
    int past_participants = 0;  // of the finished cycle
};

// Needs the referential and the demo content (seed_demo) already loaded.
Result<DemoActivityCounts> seed_demo_activity(store::Database& db, std::int64_t now_utc);

}  // namespace ateliers::services
