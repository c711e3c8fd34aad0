#include "platform/audit/audit.hpp"

#include "platform/audit/redaction.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

void record_audit(soci::session& sql, long long actor_user_id, const std::string& action, const std::string& target,
                  const std::string& details) {
    const long long at = store::now_utc_seconds();
    soci::indicator actor_ind = actor_user_id > 0 ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO audit_log (actor_user_id, action, target, details, at) VALUES (:u, :a, :t, :d, :at)",
        soci::use(actor_user_id, actor_ind), soci::use(action), soci::use(target), soci::use(details), soci::use(at);
}

void redact_audit_mentions(soci::session& sql, const std::string& said, const std::string& in_details,
                           const std::string& in_target) {
    if (said.empty()) return;
    struct Mention {
        long long id;
        std::string target, details;
    };
    std::vector<Mention> changed;
    // LIKE narrows the rows (a superset: "_" and case may match more); the exact rule is C++'s.
    const std::string pattern = "%" + said + "%";
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, target, details FROM audit_log "
                                                   "WHERE details LIKE :p OR target LIKE :p2",
                                    soci::use(pattern, "p"), soci::use(pattern, "p2"));
    for (const auto& r : rows) {
        const auto target = store::as_text(r, "target");
        const auto details = store::as_text(r, "details");
        Mention m{store::as_int(r, "id"), audit::redact_whole(target, said, in_target),
                  audit::redact_whole(details, said, in_details)};
        if (m.target != target || m.details != details) changed.push_back(std::move(m));
    }
    for (auto& m : changed)
        sql << "UPDATE audit_log SET target = :t, details = :d WHERE id = :i", soci::use(m.target), soci::use(m.details),
            soci::use(m.id);
}

Result<std::vector<AuditEntry>> latest_audit_entries(store::Database& db, int limit) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<AuditEntry> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT a.id AS id, a.at AS at, COALESCE(u.full_name, '') AS actor_name, "
                                "COALESCE(u.email, '') AS actor_email, a.action AS action, a.target AS target, "
                                "a.details AS details FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id "
                                "ORDER BY a.at DESC, a.id DESC LIMIT :lim",
                 soci::use(limit));
            for (const auto& r : rows)
                out.push_back({store::as_int(r, "id"), store::as_int(r, "at"), store::as_text(r, "actor_name"),
                               store::as_text(r, "actor_email"), store::as_text(r, "action"), store::as_text(r, "target"),
                               store::as_text(r, "details")});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::string audit_action_label(const std::string& action) {
    static const std::vector<std::pair<std::string, std::string>> labels{
        {"cycle.create", "Cycle créé"},
        {"account.erase", "Compte effacé à la demande de la personne"},
        {"account.expire", "Compte effacé après une longue inactivité"},
        {"privacy.retention", "Durées de conservation appliquées"},
        {"collectivite.confirm", "Collectivité confirmée"},
        {"collectivite.contest", "Collectivité contestée"},
        {"account.proconnect_create", "Compte créé par ProConnect"},
        {"cycle.update", "Cycle modifié"},
        {"cycle.duplicate", "Cycle dupliqué"},
        {"cycle.publish", "Cycle publié"},
        {"cycle.close", "Cycle clos"},
        {"cycle.sessions_moved", "Séances déplacées"},
        {"event.create", "Événement créé"},
        {"event.duplicate", "Événement dupliqué"},
        {"event.document", "Document d’un événement publié ou retiré"},
        {"event.mailing", "E-mail envoyé aux inscrit·es d’un événement"},
        {"event.publish", "Événement publié"},
        {"event.unpublish", "Événement retiré du site"},
        {"event.programme", "Programme d’un événement modifié"},
        {"event.capacity", "Capacité d’un événement ou d’un atelier modifiée"},
        {"event.checkin", "Participant·e accueilli·e à un événement"},
        {"event.presence", "Présence dans un atelier d’événement"},
        {"facilitator.create", "Intervenant créé"},
        {"facilitator.link_account", "Compte d’intervenant associé"},
        {"facilitator.unlink_account", "Compte d’intervenant retiré"},
        {"role.grant", "Rôle donné"},
        {"role.revoke", "Rôle retiré"},
        {"role.invite", "Invitation à un rôle envoyée"},
        {"role.invitation_accept", "Invitation à un rôle acceptée"},
        {"registration.on_behalf", "Inscription faite par l’équipe"},
        {"registration.move", "Inscription déplacée dans un autre cycle"},
        {"registration.confirm", "Inscription acceptée"},
        {"registration.decline", "Demande refusée"},
        {"registration.wait", "Placée en liste d’attente"},
        {"export.csv", "Export CSV des participants"},
        {"export.xlsx", "Export XLSX des participants"},
        {"testimonial.publish", "Témoignage publié"},
        {"testimonial.unpublish", "Témoignage retiré du site"},
        {"testimonial.consent_withdrawn", "Accord de publication retiré par son auteur"},
        {"theme.status", "Statut d’une idée de thème modifié"},
        {"groups.compose", "Sous-groupes composés"},
        {"groups.lock", "Personne fixée dans un sous-groupe"},
        {"groups.unlock", "Personne libérée d’un sous-groupe"},
        {"groups.absence", "Absence prévue notée"},
        {"groups.absence_withdrawn", "Absence prévue retirée"},
        {"attendance.record", "Présences enregistrées"},
        {"situations.export", "Export CSV des situations des participants"},
        {"cycle.message", "Message envoyé aux participants d’un cycle"},
        {"plan_template.create", "Modèle de séance créé"},
        {"plan_template.update", "Modèle de séance modifié"},
        {"selection.pin", "Candidat·e retenu·e d’office"},
        {"selection.unpin", "Retenue d’office levée"},
        {"selection.exclude", "Candidat·e écarté·e de la sélection"},
        {"selection.include", "Candidat·e réintégré·e dans la sélection"},
        {"selection.priority", "Priorité d’un·e candidat·e modifiée"},
        {"selection.minimums", "Équilibre élus/agents d’un cycle modifié"},
        {"selection.confirm", "Sélection d’une vague confirmée"},
        {"report.csv", "Export CSV du rapport d’un cycle"},
        {"report.xlsx", "Export XLSX du rapport d’un cycle"},
    };
    for (const auto& [code, label] : labels)
        if (code == action) return label;
    return action;
}

}  // namespace ateliers::services
