#include "features/reports/store/report_facts.hpp"

#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

// The collectivité's columns aliased k_kind, k_name, k_epci_type, k_departement_code.
std::string label_of(const soci::row& r) {
    CollectiviteRow c;
    c.kind = as_text(r, "k_kind");
    c.name = as_text(r, "k_name");
    c.epci_type = as_text(r, "k_epci_type");
    c.departement_code = as_text(r, "k_departement_code");
    return collectivite_label(c);
}

// One statement for one cycle (:every = 0) or for all of them (:every = 1).
std::string cycle_filter(const char* alias) { return std::string("(:every = 1 OR ") + alias + ".cycle_id = :c)"; }

}  // namespace

std::vector<ParticipationFacts> report_participations(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<ParticipationFacts> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT r.cycle_id AS cycle_id, r.id AS registration_id, r.user_id AS user_id, "
                                    "r.collectivite_id AS collectivite_id, c.kind AS k_kind, c.name AS k_name, "
                                    "c.epci_type AS k_epci_type, c.departement_code AS k_departement_code, "
                                    "r.mandate AS mandate, c.size_class AS size_class, c.zone AS zone, "
                                    "c.region_code AS region_code, COALESCE(g.name, '') AS region_name, "
                                    "COALESCE(d.name, '') AS departement_name "
                                    "FROM registrations r JOIN collectivites c ON c.id = r.collectivite_id "
                                    "LEFT JOIN regions g ON g.code = c.region_code "
                                    "LEFT JOIN departements d ON d.code = c.departement_code "
                                    "WHERE r.status = 'confirmed' AND ") +
                            cycle_filter("r") + " ORDER BY r.cycle_id, r.id",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows) {
        ParticipationFacts p;
        p.cycle_id = as_int(r, "cycle_id");
        p.registration_id = as_int(r, "registration_id");
        p.user_id = as_int(r, "user_id");
        p.collectivite_id = as_text(r, "collectivite_id");
        p.collectivite_label = label_of(r);
        p.departement_code = as_text(r, "k_departement_code");
        p.mandate = as_text(r, "mandate");
        p.size_class = as_text(r, "size_class");
        p.zone = as_text(r, "zone");
        p.region_code = as_text(r, "region_code");
        p.region_name = as_text(r, "region_name");
        p.departement_name = as_text(r, "departement_name");
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<SessionFacts> report_sessions(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<SessionFacts> out;
    // Attendance of confirmed registrations only, so that present ≤ confirmed.
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT s.id AS id, s.cycle_id AS cycle_id, s.number AS number, "
                                    "s.starts_at AS starts_at, s.ends_at AS ends_at, "
                                    "SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) AS present, "
                                    "SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END) AS excused, "
                                    "SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) AS absent "
                                    "FROM cycle_sessions s LEFT JOIN (SELECT a.session_id, a.status FROM attendance a "
                                    "JOIN registrations r ON r.id = a.registration_id WHERE r.status = 'confirmed') a "
                                    "ON a.session_id = s.id WHERE ") +
                            cycle_filter("s") +
                            " GROUP BY s.id, s.cycle_id, s.number, s.starts_at, s.ends_at ORDER BY s.cycle_id, s.starts_at, s.number",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), as_int(r, "cycle_id"), static_cast<int>(as_int(r, "number")),
                       as_int(r, "starts_at"), as_int(r, "ends_at"), static_cast<int>(as_int(r, "present")),
                       static_cast<int>(as_int(r, "excused")), static_cast<int>(as_int(r, "absent"))});
    return out;
}

std::vector<LeadFacts> report_leads(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<LeadFacts> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT l.id AS id, s.cycle_id AS cycle_id, s.number AS number, "
                                    "l.status AS status, l.body AS body, l.progress_note AS progress_note, "
                                    "c.kind AS k_kind, c.name AS k_name, c.epci_type AS k_epci_type, "
                                    "c.departement_code AS k_departement_code FROM action_leads l "
                                    "JOIN cycle_sessions s ON s.id = l.session_id "
                                    "JOIN registrations r ON r.id = l.registration_id "
                                    "JOIN collectivites c ON c.id = r.collectivite_id WHERE ") +
                            cycle_filter("s") + " ORDER BY s.cycle_id, s.number, l.id",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), as_int(r, "cycle_id"), static_cast<int>(as_int(r, "number")),
                       as_text(r, "status"), as_text(r, "body"), as_text(r, "progress_note"), label_of(r)});
    return out;
}

std::vector<FeedbackFacts> report_feedback(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<FeedbackFacts> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT r.cycle_id AS cycle_id, f.satisfaction AS satisfaction, "
                                    "f.usefulness AS usefulness, f.would_recommend AS would_recommend, "
                                    "f.comment AS comment "
                                    "FROM feedback f JOIN registrations r ON r.id = f.registration_id "
                                    "WHERE r.status = 'confirmed' AND ") +
                            cycle_filter("r") + " ORDER BY f.submitted_at, f.registration_id",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows)
        out.push_back({as_int(r, "cycle_id"), static_cast<int>(as_int(r, "satisfaction")),
                       static_cast<int>(as_int(r, "usefulness")), as_int(r, "would_recommend") != 0,
                       as_text(r, "comment")});
    return out;
}

std::vector<CycleHeadRow> report_cycle_heads(soci::session& sql) {
    std::vector<CycleHeadRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.id AS id, c.slug AS slug, c.title AS title, c.status AS status, "
                        "MIN(s.starts_at) AS first_session, COUNT(s.id) AS sessions, MAX(s.ends_at) AS last_end "
                        "FROM cycles c "
                        "LEFT JOIN cycle_sessions s ON s.cycle_id = c.id GROUP BY c.id, c.slug, c.title, c.status");
    for (const auto& r : rows) {
        CycleHeadRow h;
        h.id = as_int(r, "id");
        h.slug = as_text(r, "slug");
        h.title = as_text(r, "title");
        h.status = as_text(r, "status");
        h.first_session = as_int(r, "first_session");
        h.sessions = static_cast<int>(as_int(r, "sessions"));
        h.last_session_end = as_int(r, "last_end");
        out.push_back(std::move(h));
    }
    return out;
}

std::optional<std::string> facilitator_name(soci::session& sql, long long facilitator_id) {
    soci::row f;
    sql << "SELECT full_name FROM facilitators WHERE id = :id", soci::use(facilitator_id), soci::into(f);
    if (!sql.got_data()) return std::nullopt;
    return as_text(f, "full_name");
}

}  // namespace ateliers::store
