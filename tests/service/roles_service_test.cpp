// Platform roles given and taken away by organisers, with the audit journal, and
// invitations by e-mail (SQLite and PostgreSQL).
#include <regex>

#include "features/cycles/demo/demo_cycles.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "features/roles/services/personal_data.hpp"
#include "features/roles/services/role_invitations.hpp"
#include "features/roles/services/staff_roles.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class RolesTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
        admin = person("admin", "commune:42168");
        admin.roles = {"participant", "admin"};
        give(admin.id, "admin", "");
        organiser = person("organisatrice", "commune:42168");
        organiser.roles = {"participant", "organiser"};
        give(organiser.id, "organiser", "");
        cycle_id = count("SELECT id FROM cycles WHERE slug = 'forets-cooperer'");
    }

    void give(long long user_id, const std::string& role, const std::string& scope) {
        soci::session sql(db_->pool());
        sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, :r, :s)", soci::use(user_id), soci::use(role),
            soci::use(scope);
    }

    long long count(const std::string& select) {
        soci::session sql(db_->pool());
        long long n = 0;
        sql << select, soci::into(n);
        return n;
    }

    bool holds(long long user_id, const std::string& role, const std::string& scope = "") {
        return count("SELECT COUNT(*) FROM user_roles WHERE user_id = " + std::to_string(user_id) + " AND role = '" +
                     role + "' AND scope = '" + scope + "'") == 1;
    }

    // The link of the last mail to `email`, as the person would click it.
    std::string invitation_token(const std::string& email) {
        soci::session sql(db_->pool());
        std::string body;
        sql << "SELECT body_text FROM outbox WHERE recipient = :r ORDER BY id DESC", soci::use(email), soci::into(body);
        std::smatch m;
        if (!std::regex_search(body, m, std::regex("/invitation/([A-Za-z0-9_-]+)"))) return {};
        return m[1];
    }

    services::CurrentUser admin, organiser;
    long long cycle_id = 0;
};

}  // namespace

TEST_F(RolesTest, GrantAndRevokeFollowTheRuleAndLeaveAnAuditLine) {
    auto camille = person("camille", "commune:42056");
    ASSERT_TRUE(services::grant_staff_role(*db_, organiser, {camille.email, "facilitator", cycle_id}).ok());
    EXPECT_TRUE(holds(camille.id, "facilitator", std::to_string(cycle_id)));
    auto again = services::grant_staff_role(*db_, organiser, {camille.email, "facilitator", cycle_id});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::conflict);

    // An organiser does not name administrators; an admin does.
    auto refused = services::grant_staff_role(*db_, organiser, {camille.email, "admin", 0});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::forbidden);
    EXPECT_FALSE(holds(camille.id, "admin"));
    ASSERT_TRUE(services::grant_staff_role(*db_, admin, {camille.email, "admin", 0}).ok());
    EXPECT_TRUE(holds(camille.id, "admin"));

    auto unknown = services::grant_staff_role(*db_, organiser, {"personne@nulle-part.fr", "organiser", 0});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::not_found);
    auto no_cycle = services::grant_staff_role(*db_, organiser, {camille.email, "facilitator", 0});
    ASSERT_FALSE(no_cycle.ok());
    EXPECT_EQ(no_cycle.failure().field, "cycle_id");

    ASSERT_TRUE(services::revoke_staff_role(*db_, organiser, camille.id, "facilitator", std::to_string(cycle_id)).ok());
    EXPECT_FALSE(holds(camille.id, "facilitator", std::to_string(cycle_id)));
    auto not_for_organiser = services::revoke_staff_role(*db_, organiser, camille.id, "admin", "");
    ASSERT_FALSE(not_for_organiser.ok());
    EXPECT_EQ(not_for_organiser.failure().kind, FailureKind::forbidden);
    EXPECT_TRUE(holds(camille.id, "admin"));

    // Who, what, for whom: the actor's id, the target account and a sentence naming both.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'role.grant' AND actor_user_id = " +
                    std::to_string(organiser.id) + " AND target = 'user:" + std::to_string(camille.id) + "'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'role.grant' AND actor_user_id = " +
                    std::to_string(admin.id) + " AND details LIKE '%Administration%camille%'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'role.revoke' AND details LIKE "
                    "'%Animation d’un cycle%camille%'"),
              1);

    auto listed = services::staff_roles_view(*db_, organiser, "CAMI");
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->found.size(), 1u);
    EXPECT_EQ(listed->found.front().email, camille.email);
    EXPECT_EQ(listed->grantable, (std::vector<std::string>{"organiser", "facilitator"}));
    auto stranger = person("curieux", "commune:42056");
    stranger.roles = {"participant"};
    EXPECT_EQ(services::staff_roles_view(*db_, stranger, "").failure().kind, FailureKind::forbidden);
}

TEST_F(RolesTest, NobodyRevokesTheirOwnLastAdminRole) {
    auto alone = services::revoke_staff_role(*db_, admin, admin.id, "admin", "");
    ASSERT_FALSE(alone.ok());
    EXPECT_EQ(alone.failure().kind, FailureKind::forbidden);
    EXPECT_TRUE(holds(admin.id, "admin"));
    auto second = person("second-admin", "commune:42168");
    ASSERT_TRUE(services::grant_staff_role(*db_, admin, {second.email, "admin", 0}).ok());
    ASSERT_TRUE(services::revoke_staff_role(*db_, admin, admin.id, "admin", "").ok());
    EXPECT_FALSE(holds(admin.id, "admin"));
}

TEST_F(RolesTest, AnExistingAccountGetsTheRoleAndAMail) {
    auto dominique = person("dominique", "commune:42056");
    auto out = services::invite_to_role(*db_, organiser, {dominique.email, "facilitator", cycle_id, "", 0, ""}, mail);
    ASSERT_TRUE(out.ok()) << out.failure().message;
    EXPECT_EQ(out.value(), services::RoleInvitationOutcome::granted);
    EXPECT_TRUE(holds(dominique.id, "facilitator", std::to_string(cycle_id)));
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + dominique.email +
                    "' AND subject LIKE 'Vous animez le cycle%'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM role_invitations"), 0);
}

TEST_F(RolesTest, AnInvitationLinkCreatesTheAccountWithTheRoleOnce) {
    const std::string email = "nouvelle.animatrice@exemple.fr";
    auto out = services::invite_to_role(*db_, organiser, {email, "facilitator", cycle_id, "", 0, ""}, mail);
    ASSERT_TRUE(out.ok()) << out.failure().message;
    EXPECT_EQ(out.value(), services::RoleInvitationOutcome::invited);
    const auto token = invitation_token(email);
    ASSERT_FALSE(token.empty());
    // Only the hash is stored.
    EXPECT_EQ(count("SELECT COUNT(*) FROM role_invitations WHERE token_hash = '" + token + "'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'role.invite'"), 1);

    auto view = services::role_invitation_view(*db_, token);
    ASSERT_TRUE(view.ok());
    EXPECT_NE(view->role_text.find("Animation du cycle"), std::string::npos);

    auto bad = services::accept_role_invitation(*db_, token, "Nina Animatrice", "court", "court");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.failure().kind, FailureKind::invalid);
    EXPECT_EQ(bad.failure().fields.count("password"), 1u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = '" + email + "'"), 0);

    auto accepted = services::accept_role_invitation(*db_, token, "Nina Animatrice", "un mot de passe solide",
                                                     "un mot de passe solide");
    ASSERT_TRUE(accepted.ok()) << accepted.failure().message;
    EXPECT_TRUE(holds(accepted->user_id, "facilitator", std::to_string(cycle_id)));
    auto user = services::user_for_session(*db_, accepted->session_token);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->full_name, "Nina Animatrice");
    EXPECT_TRUE(services::log_in(*db_, email, "un mot de passe solide", "127.0.0.1").ok());

    auto reused = services::accept_role_invitation(*db_, token, "Autre", "un autre mot de passe", "un autre mot de passe");
    ASSERT_FALSE(reused.ok());
    EXPECT_EQ(reused.failure().kind, FailureKind::gone);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = '" + email + "'"), 1);
}

TEST_F(RolesTest, AnExpiredLinkOpensNothing) {
    const std::string email = "en.retard@exemple.fr";
    ASSERT_TRUE(services::invite_to_role(*db_, organiser, {email, "facilitator", cycle_id, "", 0, ""}, mail).ok());
    const auto token = invitation_token(email);
    {
        soci::session sql(db_->pool());
        const long long past = store::now_utc_seconds() - 1;
        sql << "UPDATE role_invitations SET expires_at = :p", soci::use(past);
    }
    EXPECT_EQ(services::role_invitation_view(*db_, token).failure().kind, FailureKind::gone);
    auto late = services::accept_role_invitation(*db_, token, "En Retard", "un mot de passe solide",
                                                 "un mot de passe solide");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.failure().kind, FailureKind::gone);
    EXPECT_NE(late.failure().message.find("expiré"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = '" + email + "'"), 0);
    EXPECT_EQ(services::role_invitation_view(*db_, "pas-un-jeton").failure().kind, FailureKind::gone);
}

TEST_F(RolesTest, AProviderIsInvitedToAProgrammeTerritory) {
    store::ProgrammeRow p;
    p.slug = "territoires-engagement";
    p.title = "Territoires d’engagement";
    p.starts_year = 2025;
    ASSERT_TRUE(services::create_programme(*db_, &organiser, p).ok());
    auto territory = services::add_programme_territory(*db_, &organiser, p.slug, "commune:42168", false);
    ASSERT_TRUE(territory.ok()) << territory.failure().message;

    const std::string email = "cabinet@conseil.fr";
    auto out = services::invite_to_role(*db_, organiser, {email, "provider", 0, p.slug, territory.value(), "Cabinet"}, mail);
    ASSERT_TRUE(out.ok()) << out.failure().message;
    EXPECT_EQ(out.value(), services::RoleInvitationOutcome::invited);
    // One mail, ours with the link; the membership is kept by e-mail until the account exists.
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + email + "'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM programme_members WHERE role = 'provider' AND email = '" + email + "'"), 1);
    auto accepted = services::accept_role_invitation(*db_, invitation_token(email), "Claude Conseil",
                                                     "un mot de passe solide", "un mot de passe solide");
    ASSERT_TRUE(accepted.ok()) << accepted.failure().message;
    auto user = services::user_for_session(*db_, accepted->session_token);
    ASSERT_TRUE(user.has_value());
    soci::session sql(db_->pool());
    const auto viewer = services::programme_viewer(sql, *user, count("SELECT id FROM programmes"));
    ASSERT_EQ(viewer.memberships.size(), 1u);
    EXPECT_EQ(viewer.memberships.front().role, programmes::Role::provider);

    auto missing = services::invite_to_role(*db_, organiser, {"x@y.fr", "provider", 0, "", 0, ""}, mail);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().field, "territory");
}

TEST_F(RolesTest, ErasureForgetsTheInvitationsToTheAddress) {
    const std::string email = "efface@exemple.fr";
    ASSERT_TRUE(services::invite_to_role(*db_, organiser, {email, "facilitator", cycle_id, "", 0, ""}, mail).ok());
    auto accepted = services::accept_role_invitation(*db_, invitation_token(email), "Éva Effacée",
                                                     "un mot de passe solide", "un mot de passe solide");
    ASSERT_TRUE(accepted.ok()) << accepted.failure().message;
    const auto source = services::roles_personal_data();
    soci::session sql(db_->pool());
    const auto tables = source.collect(sql, accepted->user_id);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables.front().rows.size(), 1u);
    source.forget(sql, accepted->user_id);
    EXPECT_EQ(count("SELECT COUNT(*) FROM role_invitations WHERE email = '" + email + "'"), 0);
}
