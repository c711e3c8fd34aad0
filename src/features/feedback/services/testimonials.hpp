#pragma once
// Testimonials left by participants after a cycle: saved with the signature shown to
// them at the time (name, function, commune), published only with their consent and
// after an organiser's review, unpublished at once when consent is withdrawn.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/feedback/domain/feedback_rules.hpp"
#include "features/cycles/services/catalogue.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct TestimonialSignature {
    std::string author;     // the person's name
    std::string role_text;  // their function, as given at registration
    std::string place;      // "Pélussin (42)"
    bool operator==(const TestimonialSignature&) const = default;
};

struct ParticipantTestimonial {
    long long id = 0;
    std::string quote;
    TestimonialSignature signature;
    bool consent = false;
    bool published = false;
};

// The participant's testimonial about a cycle, inside the caller's transaction.
std::optional<ParticipantTestimonial> find_participant_testimonial(soci::session& sql, long long user_id,
                                                                   long long cycle_id);

// Creates, updates or (empty quote) deletes it, inside the caller's transaction.
feedback::TestimonialState save_participant_testimonial(soci::session& sql, long long user_id, long long cycle_id,
                                                        const TestimonialSignature& signature,
                                                        const std::string& quote, bool consent, std::int64_t now);

// Consent withdrawn: the testimonial is unpublished and kept private. False when there
// was no consent to withdraw.
bool withdraw_testimonial_consent(soci::session& sql, long long user_id, long long cycle_id);

struct ModeratedTestimonial {
    long long id = 0;
    std::string author, role_text, place, quote;
    std::string cycle_title;  // empty for the agency's own (seeded) testimonials
    std::string cycle_slug;
    std::int64_t consent_at = 0;    // 0: no consent
    std::int64_t submitted_at = 0;  // 0: added by the agency
    bool published = false;
    bool publishable = false;
};

struct ModerationLists {
    std::vector<ModeratedTestimonial> pending;       // consent given, waiting for review
    std::vector<ModeratedTestimonial> published;
    std::vector<ModeratedTestimonial> private_only;  // no consent: never publishable
};

Result<ModerationLists> testimonials_for_moderation(store::Database& db);

// Publishes (only with consent, or for the agency's own) or unpublishes; audit-logged.
Result<ModeratedTestimonial> set_testimonial_published(store::Database& db, long long actor_id, long long id,
                                                       bool publish);

// Published testimonials about one cycle, for its public page.
Result<std::vector<Testimonial>> cycle_testimonials(store::Database& db, long long cycle_id);

}  // namespace ateliers::services
