#pragma once
// Testimonials: the participants' (one per person and cycle) and the agency's own.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct ParticipantTestimonialRow {
    long long id = 0;
    std::string quote, author, role_text, place;
    long long consent_at = 0;  // 0: no consent
    bool published = false;
};

// The person's first testimonial about the cycle.
std::optional<ParticipantTestimonialRow> find_participant_testimonial(soci::session& sql, long long user_id,
                                                                      long long cycle_id);

void delete_testimonial(soci::session& sql, long long id);

struct TestimonialText {
    std::string author, role_text, place, quote;
};

// consent_at: nullopt stores NULL.
void update_participant_testimonial(soci::session& sql, long long id, const TestimonialText& text,
                                    std::optional<long long> consent_at, int published, long long submitted_at);
void insert_participant_testimonial(soci::session& sql, const std::string& slug, const TestimonialText& text,
                                    long long user_id, long long cycle_id, std::optional<long long> consent_at,
                                    long long submitted_at);

// Consent withdrawn: NULL consent, unpublished.
void clear_testimonial_consent(soci::session& sql, long long id);

struct ModeratedTestimonialRow {
    long long id = 0;
    std::string author, role_text, place, quote;
    std::string cycle_title, cycle_slug;  // empty for the agency's own
    long long consent_at = 0;             // 0: no consent
    long long submitted_at = 0;           // 0: added by the agency
    bool published = false;
};

// All testimonials, the latest submitted first.
std::vector<ModeratedTestimonialRow> testimonials_for_moderation(soci::session& sql);
std::optional<ModeratedTestimonialRow> find_moderated_testimonial(soci::session& sql, long long id);

// Published last, after those already shown.
void publish_testimonial_last(soci::session& sql, long long id);
void unpublish_testimonial(soci::session& sql, long long id);

// Published testimonials about one cycle, in their order.
std::vector<TestimonialText> published_cycle_testimonials(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
