#include "features/cycles/store/catalogue.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

const char* summary_select =
    "SELECT c.id, c.slug, c.title, c.theme, c.summary, c.territory_types, COALESCE(f.full_name, '') AS facilitator_name, "
    "c.capacity, c.mode, COALESCE(c.registration_opens_at, 0) AS registration_opens_at, "
    "COALESCE(c.registration_closes_at, 0) AS registration_closes_at, c.region_code, "
    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'confirmed') AS seats_taken, c.status "
    "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id ";

CycleSummaryRow summary_from_row(const soci::row& r) {
    CycleSummaryRow c;
    c.id = as_int(r, "id");
    c.slug = as_text(r, "slug");
    c.title = as_text(r, "title");
    c.theme = as_text(r, "theme");
    c.summary = as_text(r, "summary");
    c.territory_types = as_text(r, "territory_types");
    c.facilitator_name = as_text(r, "facilitator_name");
    c.capacity = static_cast<int>(as_int(r, "capacity"));
    c.mode = as_text(r, "mode");
    c.registration_opens_at = as_int(r, "registration_opens_at");
    c.registration_closes_at = as_int(r, "registration_closes_at");
    c.region_code = as_text(r, "region_code");
    c.seats_taken = static_cast<int>(as_int(r, "seats_taken"));
    c.status = cycle_status_or_draft(as_text(r, "status"));
    return c;
}

}  // namespace

std::vector<CycleSummaryRow> upcoming_cycle_summaries(soci::session& sql, long long now) {
    std::vector<CycleSummaryRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(summary_select) +
                            "WHERE c.status = 'published' AND EXISTS (SELECT 1 FROM cycle_sessions s WHERE "
                            "s.cycle_id = c.id AND s.ends_at > :now)",
         soci::use(now, "now"));
    for (const auto& r : rows) out.push_back(summary_from_row(r));
    return out;
}

std::vector<CycleSummaryRow> next_cycle_summaries(soci::session& sql, long long now, int limit) {
    std::vector<CycleSummaryRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(summary_select) +
                            "WHERE c.status = 'published' AND EXISTS (SELECT 1 FROM cycle_sessions s WHERE "
                            "s.cycle_id = c.id AND s.ends_at > :now) AND NOT EXISTS (SELECT 1 FROM cycle_sessions s "
                            "WHERE s.cycle_id = c.id AND s.starts_at <= :now) "
                            "ORDER BY (SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), c.id "
                            "LIMIT :limit",
         soci::use(now, "now"), soci::use(limit, "limit"));
    for (const auto& r : rows) out.push_back(summary_from_row(r));
    return out;
}

std::optional<CycleSummaryRow> cycle_summary(soci::session& sql, const std::string& slug, bool include_drafts) {
    soci::row r;
    sql << std::string(summary_select) + "WHERE c.slug = :s AND c.status IN ('published', 'closed'" +
               (include_drafts ? ", 'draft'" : "") + ")",
        soci::use(slug), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return summary_from_row(r);
}

std::vector<SessionSlotRow> published_session_slots(soci::session& sql) {
    std::vector<SessionSlotRow> out;
    soci::rowset<soci::row> sessions =
        (sql.prepare << "SELECT s.cycle_id, s.number, s.starts_at, s.ends_at FROM cycle_sessions s "
                        "JOIN cycles c ON c.id = s.cycle_id WHERE c.status = 'published' ORDER BY s.cycle_id, s.starts_at");
    for (const auto& r : sessions)
        out.push_back({as_int(r, "cycle_id"), static_cast<int>(as_int(r, "number")), as_int(r, "starts_at"),
                       as_int(r, "ends_at")});
    return out;
}

std::vector<SessionSlotRow> cycle_session_slots(soci::session& sql, long long cycle_id) {
    std::vector<SessionSlotRow> out;
    soci::rowset<soci::row> sessions =
        (sql.prepare << "SELECT number, starts_at, ends_at FROM cycle_sessions WHERE cycle_id = :c ORDER BY starts_at",
         soci::use(cycle_id));
    for (const auto& r : sessions)
        out.push_back({cycle_id, static_cast<int>(as_int(r, "number")), as_int(r, "starts_at"), as_int(r, "ends_at")});
    return out;
}

CycleTexts cycle_texts(soci::session& sql, long long cycle_id) {
    soci::row extra;
    sql << "SELECT c.description, COALESCE(f.bio, '') AS facilitator_bio FROM cycles c LEFT JOIN facilitators f "
           "ON f.id = c.facilitator_id WHERE c.id = :id",
        soci::use(cycle_id), soci::into(extra);
    return {as_text(extra, "description"), as_text(extra, "facilitator_bio")};
}

std::vector<ContactRow> contacts(soci::session& sql) {
    std::vector<ContactRow> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT full_name, email FROM contacts ORDER BY sort_order, id");
    for (const auto& c : rows) out.push_back({as_text(c, "full_name"), as_text(c, "email")});
    return out;
}

std::vector<TestimonialRow> published_testimonials(soci::session& sql) {
    std::vector<TestimonialRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT author, role_text, place, quote FROM testimonials WHERE published = 1 "
                        "ORDER BY sort_order, id");
    for (const auto& r : rows)
        out.push_back({as_text(r, "author"), as_text(r, "role_text"), as_text(r, "place"), as_text(r, "quote")});
    return out;
}

std::vector<RegionRow> regions(soci::session& sql) {
    std::vector<RegionRow> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, name FROM regions ORDER BY name");
    for (const auto& r : rows) out.push_back({as_text(r, "code"), as_text(r, "name")});
    return out;
}

}  // namespace ateliers::store
