#include "features/programmes/services/programme_admin.hpp"

#include <fstream>
#include <sstream>

#include "features/programmes/store/grids.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/account_rules.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/referential/collectivites.hpp"

namespace ateliers::services {

namespace {

Failure invalid(const std::string& message, const std::string& field) { return fail(message, field, FailureKind::invalid); }

bool slug_ok(const std::string& s) {
    if (s.empty() || s.size() > 80) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

long long actor_id(const CurrentUser* actor) { return actor ? actor->id : 0; }

bool may_manage(soci::session& sql, const CurrentUser* actor, long long programme_id) {
    return !actor || programmes::can_manage_programme(programme_viewer(sql, *actor, programme_id));
}

}  // namespace

programmes::Viewer programme_viewer(soci::session& sql, const CurrentUser& user, long long programme_id) {
    programmes::Viewer v;
    v.organiser = permissions::can_organise(user);
    if (user.id == 0) return v;
    for (const auto& m : store::memberships_of(sql, programme_id, user.id, user.email)) {
        programmes::Role role;
        if (programmes::parse_role(m.role, role)) v.memberships.push_back({role, m.territory_id});
    }
    return v;
}

Result<long long> create_programme(store::Database& db, const CurrentUser* actor, const store::ProgrammeRow& programme) {
    if (actor && !permissions::can_organise(*actor))
        return fail("Seule l’équipe de l’ANCT peut créer un programme.", {}, FailureKind::forbidden);
    if (programme.title.empty()) return invalid("Donnez un titre au programme.", "title");
    if (!slug_ok(programme.slug))
        return invalid("L’adresse courte ne peut contenir que des minuscules, des chiffres et des tirets.", "slug");
    if (programme.starts_year < 2000 || programme.starts_year > 2100)
        return invalid("Indiquez l’année de début du programme (par exemple 2025).", "starts_year");
    if (programme.years < 1 || programme.years > 10) return invalid("Un programme dure de 1 à 10 ans.", "years");
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (store::find_programme(sql, programme.slug))
            return fail("Un programme porte déjà cette adresse : choisissez-en une autre.", "slug", FailureKind::conflict);
        const long long id = store::insert_programme(sql, programme, store::now_utc_seconds());
        record_audit(sql, actor_id(actor), "programme.create", "programme:" + programme.slug,
                     "Programme créé : " + programme.title);
        return id;
    });
}

Result<long long> add_programme_territory(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          const std::string& collectivite_id, bool demo) {
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        if (!may_manage(sql, actor, programme->id))
            return fail("Seule l’équipe du programme peut ajouter un territoire.", {}, FailureKind::forbidden);
        const auto collectivite = store::find_collectivite(sql, collectivite_id);
        if (!collectivite) return invalid("Choisissez une collectivité du référentiel.", "collectivite_id");
        if (store::programme_has_collectivite(sql, programme->id, collectivite_id))
            return fail("Ce territoire fait déjà partie du programme.", "collectivite_id", FailureKind::conflict);
        store::ProgrammeTerritoryRow t;
        t.programme_id = programme->id;
        t.collectivite_id = collectivite_id;
        t.label = store::collectivite_label(*collectivite);
        t.demo = demo;
        const long long id = store::insert_programme_territory(sql, t, store::now_utc_seconds());
        record_audit(sql, actor_id(actor), "programme.territory", "programme:" + slug, "Territoire ajouté : " + t.label);
        return id;
    });
}

Result<long long> add_programme_member(soci::session& sql, const CurrentUser* actor, const std::string& slug,
                                       const MemberInvitation& invitation, const MailContext& mail) {
    const std::string email = accounts::normalise_email(invitation.email);
    if (email.find('@') == std::string::npos || email.size() > 254)
        return invalid("Indiquez une adresse électronique valide.", "email");
    programmes::Role role;
    if (!programmes::parse_role(invitation.role, role)) return invalid("Choisissez un rôle.", "role");
    if ((role == programmes::Role::manager) != (invitation.territory_id == 0))
        return invalid(role == programmes::Role::manager ? "Un·e chargé·e de programme suit tout le programme, sans territoire."
                                                         : "Choisissez le territoire de ce membre.",
                       "territory_id");
    {
        const auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        if (!may_manage(sql, actor, programme->id))
            return fail("Seule l’équipe du programme peut inviter des membres.", {}, FailureKind::forbidden);
        std::string where = "l’ensemble du programme";
        if (invitation.territory_id) {
            const auto territory = store::find_programme_territory(sql, programme->id, invitation.territory_id);
            if (!territory) return invalid("Ce territoire ne fait pas partie du programme.", "territory_id");
            where = territory->label;
        }
        store::ProgrammeMemberRow m;
        m.programme_id = programme->id;
        m.territory_id = invitation.territory_id;
        m.email = email;
        m.user_id = store::account_id_for_email(sql, email);
        m.role = programmes::role_code(role);
        m.organisation = invitation.organisation;
        if (store::programme_member_exists(sql, m))
            return fail("Cette personne a déjà ce rôle.", "email", FailureKind::conflict);
        const long long id = store::insert_programme_member(sql, m, store::now_utc_seconds());
        const std::string link = mail.base_url + "/programmes/" + slug;
        if (invitation.send_mail)
            enqueue_mail(sql, compose_mail(email, "Invitation au programme « " + programme->title + " »", "Bonjour,",
                                       {"Vous êtes invité·e à rejoindre l’espace de travail du programme « " +
                                            programme->title + " » en tant que « " + programmes::role_label(role) +
                                            " » (" + where + ").",
                                        m.user_id ? "Connectez-vous avec cette adresse pour y accéder."
                                                  : "Créez votre compte avec cette adresse pour y accéder."},
                                       "Ouvrir le programme", link));
        record_audit(sql, actor_id(actor), "programme.member", "programme:" + slug,
                     std::string("Membre invité : ") + programmes::role_label(role) + " — " + where);
        return id;
    }
}

Result<long long> invite_programme_member(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          const MemberInvitation& invitation, const MailContext& mail) {
    return store::in_transaction<long long>(
        db, [&](soci::session& sql) { return add_programme_member(sql, actor, slug, invitation, mail); });
}

Result<LoadedGrid> load_grid_file(store::Database& db, const std::string& path) {
    std::ifstream in(path);
    if (!in) return fail("Grille introuvable : " + path, {}, FailureKind::not_found);
    std::stringstream text;
    text << in.rdbuf();
    auto grid = programmes::parse_grid(text.str());
    if (!grid) return grid.failure();
    return store::in_transaction<LoadedGrid>(db, [&](soci::session& sql) -> Result<LoadedGrid> {
        if (auto existing = store::grid_id_of_version(sql, grid->version)) return LoadedGrid{*existing, grid->version, false};
        return LoadedGrid{store::insert_grid(sql, grid.value(), store::now_utc_seconds()), grid->version, true};
    });
}

}  // namespace ateliers::services
