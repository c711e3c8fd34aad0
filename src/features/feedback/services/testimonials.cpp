#include "features/feedback/services/testimonials.hpp"

#include "platform/audit/audit.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using store::as_int;
using store::as_text;

namespace {

const char* moderation_select =
    "SELECT t.id, t.author, t.role_text, t.place, t.quote, COALESCE(c.title, ''), COALESCE(c.slug, ''), "
    "COALESCE(t.consent_at, 0), COALESCE(t.submitted_at, 0), t.published FROM testimonials t "
    "LEFT JOIN cycles c ON c.id = t.cycle_id ";

ModeratedTestimonial moderated_from_row(const soci::row& r) {
    ModeratedTestimonial t;
    t.id = as_int(r, 0);
    t.author = as_text(r, 1);
    t.role_text = as_text(r, 2);
    t.place = as_text(r, 3);
    t.quote = as_text(r, 4);
    t.cycle_title = as_text(r, 5);
    t.cycle_slug = as_text(r, 6);
    t.consent_at = as_int(r, 7);
    t.submitted_at = as_int(r, 8);
    t.published = as_int(r, 9) == 1;
    t.publishable = feedback::can_publish(t.consent_at > 0, t.submitted_at == 0);
    return t;
}

}  // namespace

std::optional<ParticipantTestimonial> find_participant_testimonial(soci::session& sql, long long user_id,
                                                                   long long cycle_id) {
    soci::row r;
    sql << "SELECT id, quote, author, role_text, place, COALESCE(consent_at, 0), published FROM testimonials "
           "WHERE user_id = :u AND cycle_id = :c ORDER BY id LIMIT 1",
        soci::use(user_id), soci::use(cycle_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    ParticipantTestimonial t;
    t.id = as_int(r, 0);
    t.quote = as_text(r, 1);
    t.signature = {as_text(r, 2), as_text(r, 3), as_text(r, 4)};
    t.consent = as_int(r, 5) > 0;
    t.published = as_int(r, 6) == 1;
    return t;
}

feedback::TestimonialState save_participant_testimonial(soci::session& sql, long long user_id, long long cycle_id,
                                                        const TestimonialSignature& signature,
                                                        const std::string& quote, bool consent, std::int64_t now_utc) {
    const auto before = find_participant_testimonial(sql, user_id, cycle_id);
    const bool same = before && before->quote == quote && before->signature == signature && before->consent;
    const auto state = feedback::state_after_save(quote, consent, before && before->published, same);
    if (state == feedback::TestimonialState::none) {
        if (before) sql << "DELETE FROM testimonials WHERE id = :id", soci::use(before->id);
        return state;
    }
    const long long now = now_utc;
    const int published = state == feedback::TestimonialState::published ? 1 : 0;
    // Consent dates from the last time the person agreed to this text and signature.
    const long long consent_at = consent ? now : 0;
    soci::indicator consent_ind = consent ? soci::i_ok : soci::i_null;
    if (before) {
        sql << "UPDATE testimonials SET quote = :q, author = :a, role_text = :r, place = :p, consent_at = :ca, "
               "published = :pub, submitted_at = :s WHERE id = :id",
            soci::use(quote), soci::use(signature.author), soci::use(signature.role_text), soci::use(signature.place),
            soci::use(consent_at, consent_ind), soci::use(published), soci::use(now), soci::use(before->id);
    } else {
        const std::string slug =
            "participant-" + std::to_string(cycle_id) + "-" + std::to_string(user_id) + "-" + std::to_string(now);
        sql << "INSERT INTO testimonials (slug, author, role_text, place, quote, published, sort_order, user_id, "
               "cycle_id, consent_at, submitted_at) VALUES (:slug, :a, :r, :p, :q, 0, 0, :u, :c, :ca, :s)",
            soci::use(slug), soci::use(signature.author), soci::use(signature.role_text), soci::use(signature.place),
            soci::use(quote), soci::use(user_id), soci::use(cycle_id), soci::use(consent_at, consent_ind),
            soci::use(now);
    }
    return state;
}

bool withdraw_testimonial_consent(soci::session& sql, long long user_id, long long cycle_id) {
    const auto t = find_participant_testimonial(sql, user_id, cycle_id);
    if (!t || !t->consent) return false;
    sql << "UPDATE testimonials SET consent_at = NULL, published = 0 WHERE id = :id", soci::use(t->id);
    return true;
}

Result<ModerationLists> testimonials_for_moderation(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            ModerationLists out;
            soci::rowset<soci::row> rows = (sql.prepare << std::string(moderation_select) +
                                                               "ORDER BY COALESCE(t.submitted_at, 0) DESC, t.id DESC");
            for (const auto& r : rows) {
                auto t = moderated_from_row(r);
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
        soci::row r;
        sql << std::string(moderation_select) + "WHERE t.id = :id", soci::use(id), soci::into(r);
        if (!sql.got_data()) return fail("Ce témoignage n’existe pas ou a été retiré par son auteur.", {}, FailureKind::not_found);
        auto t = moderated_from_row(r);
        if (publish && !t.publishable)
            return fail("Ce témoignage ne peut pas être publié : son auteur ou son autrice n’a pas donné (ou a retiré) "
                        "son accord de publication.",
                        {}, FailureKind::conflict);
        if (t.published == publish) return t;
        if (publish) {
            // Newly published testimonials come after those already shown.
            long long last = 0;
            sql << "SELECT COALESCE(MAX(sort_order), 0) FROM testimonials WHERE published = 1", soci::into(last);
            const long long order = last + 1;
            sql << "UPDATE testimonials SET published = 1, sort_order = :o WHERE id = :id", soci::use(order),
                soci::use(id);
        } else {
            sql << "UPDATE testimonials SET published = 0 WHERE id = :id", soci::use(id);
        }
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
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT author, role_text, place, quote FROM testimonials WHERE published = 1 "
                                "AND cycle_id = :c ORDER BY sort_order, id",
                 soci::use(cycle_id));
            for (const auto& r : rows) out.push_back({as_text(r, 0), as_text(r, 1), as_text(r, 2), as_text(r, 3)});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
