#include "features/feedback/services/testimonials.hpp"

#include "features/feedback/store/testimonials.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

ModeratedTestimonial moderated_from(const store::ModeratedTestimonialRow& r) {
    ModeratedTestimonial t;
    t.id = r.id;
    t.author = r.author;
    t.role_text = r.role_text;
    t.place = r.place;
    t.quote = r.quote;
    t.cycle_title = r.cycle_title;
    t.cycle_slug = r.cycle_slug;
    t.consent_at = r.consent_at;
    t.submitted_at = r.submitted_at;
    t.published = r.published;
    t.publishable = feedback::can_publish(t.consent_at > 0, t.submitted_at == 0);
    return t;
}

}  // namespace

std::optional<ParticipantTestimonial> find_participant_testimonial(soci::session& sql, long long user_id,
                                                                   long long cycle_id) {
    const auto r = store::find_participant_testimonial(sql, user_id, cycle_id);
    if (!r) return std::nullopt;
    ParticipantTestimonial t;
    t.id = r->id;
    t.quote = r->quote;
    t.signature = {r->author, r->role_text, r->place};
    t.consent = r->consent_at > 0;
    t.published = r->published;
    return t;
}

feedback::TestimonialState save_participant_testimonial(soci::session& sql, long long user_id, long long cycle_id,
                                                        const TestimonialSignature& signature,
                                                        const std::string& quote, bool consent, std::int64_t now_utc) {
    const auto before = find_participant_testimonial(sql, user_id, cycle_id);
    const bool same = before && before->quote == quote && before->signature == signature && before->consent;
    const auto state = feedback::state_after_save(quote, consent, before && before->published, same);
    if (state == feedback::TestimonialState::none) {
        if (before) store::delete_testimonial(sql, before->id);
        return state;
    }
    const long long now = now_utc;
    const int published = state == feedback::TestimonialState::published ? 1 : 0;
    // Consent dates from the last time the person agreed to this text and signature.
    const std::optional<long long> consent_at = consent ? std::optional<long long>(now) : std::nullopt;
    const store::TestimonialText text{signature.author, signature.role_text, signature.place, quote};
    if (before) {
        store::update_participant_testimonial(sql, before->id, text, consent_at, published, now);
    } else {
        const std::string slug =
            "participant-" + std::to_string(cycle_id) + "-" + std::to_string(user_id) + "-" + std::to_string(now);
        store::insert_participant_testimonial(sql, slug, text, user_id, cycle_id, consent_at, now);
    }
    return state;
}

bool withdraw_testimonial_consent(soci::session& sql, long long user_id, long long cycle_id) {
    const auto t = find_participant_testimonial(sql, user_id, cycle_id);
    if (!t || !t->consent) return false;
    store::clear_testimonial_consent(sql, t->id);
    return true;
}

Result<ModerationLists> testimonials_for_moderation(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            ModerationLists out;
            for (const auto& r : store::testimonials_for_moderation(sql)) {
                auto t = moderated_from(r);
                if (t.published) out.published.push_back(std::move(t));
                else if (t.publishable) out.pending.push_back(std::move(t));
                else out.private_only.push_back(std::move(t));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<ModeratedTestimonial> set_testimonial_published(store::Database& db, long long actor_id, long long id,
                                                       bool publish) {
    return store::in_transaction<ModeratedTestimonial>(db, [&](soci::session& sql) -> Result<ModeratedTestimonial> {
        const auto row = store::find_moderated_testimonial(sql, id);
        if (!row) return fail("Ce témoignage n’existe pas ou a été retiré par son auteur.", {}, FailureKind::not_found);
        auto t = moderated_from(*row);
        if (publish && !t.publishable)
            return fail("Ce témoignage ne peut pas être publié : son auteur ou son autrice n’a pas donné (ou a retiré) "
                        "son accord de publication.",
                        {}, FailureKind::conflict);
        if (t.published == publish) return t;
        // Newly published testimonials come after those already shown.
        if (publish) store::publish_testimonial_last(sql, id);
        else store::unpublish_testimonial(sql, id);
        t.published = publish;
        record_audit(sql, actor_id, publish ? "testimonial.publish" : "testimonial.unpublish",
                     "testimonial:" + std::to_string(id),
                     t.author + " (" + t.place + ")" + (t.cycle_slug.empty() ? "" : " – cycle " + t.cycle_slug));
        return t;
    });
}

Result<std::vector<Testimonial>> cycle_testimonials(store::Database& db, long long cycle_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<Testimonial> out;
            for (auto& t : store::published_cycle_testimonials(sql, cycle_id))
                out.push_back({std::move(t.author), std::move(t.role_text), std::move(t.place), std::move(t.quote)});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
