#include "features/feedback/store/testimonials.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

const char* moderation_select =
    "SELECT t.id AS id, t.author AS author, t.role_text AS role_text, t.place AS place, t.quote AS quote, "
    "COALESCE(c.title, '') AS cycle_title, COALESCE(c.slug, '') AS cycle_slug, "
    "COALESCE(t.consent_at, 0) AS consent_at, COALESCE(t.submitted_at, 0) AS submitted_at, "
    "t.published AS published FROM testimonials t "
    "LEFT JOIN cycles c ON c.id = t.cycle_id ";

ModeratedTestimonialRow moderated_from_row(const soci::row& r) {
    ModeratedTestimonialRow t;
    t.id = as_int(r, "id");
    t.author = as_text(r, "author");
    t.role_text = as_text(r, "role_text");
    t.place = as_text(r, "place");
    t.quote = as_text(r, "quote");
    t.cycle_title = as_text(r, "cycle_title");
    t.cycle_slug = as_text(r, "cycle_slug");
    t.consent_at = as_int(r, "consent_at");
    t.submitted_at = as_int(r, "submitted_at");
    t.published = as_int(r, "published") == 1;
    return t;
}

}  // namespace

std::optional<ParticipantTestimonialRow> find_participant_testimonial(soci::session& sql, long long user_id,
                                                                      long long cycle_id) {
    soci::row r;
    sql << "SELECT id, quote, author, role_text, place, COALESCE(consent_at, 0) AS consent_at, published "
           "FROM testimonials WHERE user_id = :u AND cycle_id = :c ORDER BY id LIMIT 1",
        soci::use(user_id), soci::use(cycle_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    ParticipantTestimonialRow t;
    t.id = as_int(r, "id");
    t.quote = as_text(r, "quote");
    t.author = as_text(r, "author");
    t.role_text = as_text(r, "role_text");
    t.place = as_text(r, "place");
    t.consent_at = as_int(r, "consent_at");
    t.published = as_int(r, "published") == 1;
    return t;
}

void delete_testimonial(soci::session& sql, long long id) {
    sql << "DELETE FROM testimonials WHERE id = :id", soci::use(id);
}

void update_participant_testimonial(soci::session& sql, long long id, const TestimonialText& text,
                                    std::optional<long long> consent_at, int published, long long submitted_at) {
    const long long consent = consent_at.value_or(0);
    soci::indicator consent_ind = consent_at ? soci::i_ok : soci::i_null;
    sql << "UPDATE testimonials SET quote = :q, author = :a, role_text = :r, place = :p, consent_at = :ca, "
           "published = :pub, submitted_at = :s WHERE id = :id",
        soci::use(text.quote), soci::use(text.author), soci::use(text.role_text), soci::use(text.place),
        soci::use(consent, consent_ind), soci::use(published), soci::use(submitted_at), soci::use(id);
}

void insert_participant_testimonial(soci::session& sql, const std::string& slug, const TestimonialText& text,
                                    long long user_id, long long cycle_id, std::optional<long long> consent_at,
                                    long long submitted_at) {
    const long long consent = consent_at.value_or(0);
    soci::indicator consent_ind = consent_at ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO testimonials (slug, author, role_text, place, quote, published, sort_order, user_id, "
           "cycle_id, consent_at, submitted_at) VALUES (:slug, :a, :r, :p, :q, 0, 0, :u, :c, :ca, :s)",
        soci::use(slug), soci::use(text.author), soci::use(text.role_text), soci::use(text.place),
        soci::use(text.quote), soci::use(user_id), soci::use(cycle_id), soci::use(consent, consent_ind),
        soci::use(submitted_at);
}

void clear_testimonial_consent(soci::session& sql, long long id) {
    sql << "UPDATE testimonials SET consent_at = NULL, published = 0 WHERE id = :id", soci::use(id);
}

std::vector<ModeratedTestimonialRow> testimonials_for_moderation(soci::session& sql) {
    std::vector<ModeratedTestimonialRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(moderation_select) + "ORDER BY COALESCE(t.submitted_at, 0) DESC, t.id DESC");
    for (const auto& r : rows) out.push_back(moderated_from_row(r));
    return out;
}

std::optional<ModeratedTestimonialRow> find_moderated_testimonial(soci::session& sql, long long id) {
    soci::row r;
    sql << std::string(moderation_select) + "WHERE t.id = :id", soci::use(id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return moderated_from_row(r);
}

void publish_testimonial_last(soci::session& sql, long long id) {
    long long last = 0;
    sql << "SELECT COALESCE(MAX(sort_order), 0) FROM testimonials WHERE published = 1", soci::into(last);
    const long long order = last + 1;
    sql << "UPDATE testimonials SET published = 1, sort_order = :o WHERE id = :id", soci::use(order), soci::use(id);
}

void unpublish_testimonial(soci::session& sql, long long id) {
    sql << "UPDATE testimonials SET published = 0 WHERE id = :id", soci::use(id);
}

std::vector<TestimonialText> published_cycle_testimonials(soci::session& sql, long long cycle_id) {
    std::vector<TestimonialText> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT author, role_text, place, quote FROM testimonials WHERE published = 1 "
                        "AND cycle_id = :c ORDER BY sort_order, id",
         soci::use(cycle_id));
    for (const auto& r : rows)
        out.push_back({as_text(r, "author"), as_text(r, "role_text"), as_text(r, "place"), as_text(r, "quote")});
    return out;
}

}  // namespace ateliers::store
