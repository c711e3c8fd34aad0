// Accounts vouched for by ProConnect, and the collectivité marks of registrations with
// organisers' confirmations (SQLite and PostgreSQL).
#include "features/cycles/demo/demo_cycles.hpp"
#include "features/identity/services/collectivite_verification.hpp"
#include "features/identity/store/proconnect_store.hpp"
#include "features/registration/services/registrations.hpp"
#include "platform/audit/audit.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;
using Mark = identity::CollectiviteMark;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string situation =
    "Dans notre commune, la gestion de la forêt communale oppose les exploitants, les chasseurs et les associations "
    "de randonneurs ; nous cherchons comment renouer le dialogue.";

class IdentityTest : public test_support::DatabaseTest {
protected:
    services::VouchedSignIn vouch(const std::string& email, const std::string& collectivite = {}) {
        soci::session sql(db_->pool());
        store::Transaction tx(sql, db_->dialect());
        auto out = services::sign_in_vouched(sql, email, "Camille Agent", collectivite);
        tx.commit();
        return out;
    }

    void give_proconnect(long long user_id, const std::string& collectivite) {
        soci::session sql(db_->pool());
        store::save_proconnect_identity(sql, {user_id, "sub-" + std::to_string(user_id), "fia1", "uid", "21420168300016", collectivite},
                                        store::now_utc_seconds());
    }

    long long count(const std::string& select) {
        soci::session sql(db_->pool());
        long long n = 0;
        sql << select, soci::into(n);
        return n;
    }

    std::optional<identity::RegistrationCollectivite> mark_of(long long registration_id) {
        auto all = identity::registration_collectivites(*db_);
        EXPECT_TRUE(all.ok());
        for (const auto& r : all.value())
            if (r.registration_id == registration_id) return r;
        return std::nullopt;
    }
};

}  // namespace

TEST_F(IdentityTest, VouchedSignInCreatesOnceThenFindsTheAccount) {
    const auto first = vouch("Agent.Un@Mairie.fr", "commune:42168");
    EXPECT_TRUE(first.created);
    EXPECT_FALSE(first.session_token.empty());
    auto user = services::user_for_session(*db_, first.session_token);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->email, "agent.un@mairie.fr");
    EXPECT_EQ(user->collectivite_id, "commune:42168");
    EXPECT_TRUE(user->has_role("participant"));
    // No password opens it.
    EXPECT_FALSE(services::log_in(*db_, "agent.un@mairie.fr", "!vouched", "127.0.0.1").ok());

    const auto second = vouch("agent.un@mairie.fr", "commune:42056");
    EXPECT_FALSE(second.created);
    EXPECT_EQ(second.user_id, first.user_id);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'agent.un@mairie.fr'"), 1);
}

TEST_F(IdentityTest, VouchedSignInTakesOverAnUnconfirmedSignUpAndDropsItsPassword) {
    auto p = person("squatter", "commune:42168");
    {
        soci::session sql(db_->pool());
        sql << "UPDATE users SET confirmed_at = NULL WHERE id = :i", soci::use(p.id);
    }
    const auto vouched = vouch(p.email);
    EXPECT_FALSE(vouched.created);
    EXPECT_EQ(vouched.user_id, p.id);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE confirmed_at IS NOT NULL AND password_hash = '!vouched' AND id = " +
                    std::to_string(p.id)),
              1);
}

TEST_F(IdentityTest, MarksFollowProConnectThenTheOrganisersWord) {
    auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
    ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
    auto agent = person("agent", "commune:42168");
    auto elu = person("elu", "commune:42056");
    give_proconnect(agent.id, "commune:42168");
    auto a = services::register_for_cycle(*db_, agent, {"forets-cooperer", "commune:42168", {situation, "agent", "DGS", true, true, true}}, mail);
    ASSERT_TRUE(a.ok()) << a.failure().message;
    auto e = services::register_for_cycle(*db_, elu, {"forets-cooperer", "commune:42056", {situation, "elu", "Maire", true, true, true}}, mail);
    ASSERT_TRUE(e.ok()) << e.failure().message;

    EXPECT_EQ(mark_of(a->registration_id)->mark, Mark::verified);
    EXPECT_EQ(mark_of(e->registration_id)->mark, Mark::declared);
    // Declared ones come first: they need an organiser.
    EXPECT_EQ(identity::registration_collectivites(*db_).value().front().mark, Mark::declared);

    auto organiser = person("organisatrice", "commune:42168");
    ASSERT_TRUE(identity::review_registration_collectivite(*db_, organiser.id, e->registration_id,
                                                           identity::CollectiviteReview::confirmed).ok());
    const auto confirmed = mark_of(e->registration_id);
    EXPECT_EQ(confirmed->mark, Mark::confirmed);
    EXPECT_EQ(confirmed->reviewer_name, "organisatrice");
    ASSERT_TRUE(identity::review_registration_collectivite(*db_, organiser.id, a->registration_id,
                                                           identity::CollectiviteReview::contested).ok());
    EXPECT_EQ(mark_of(a->registration_id)->mark, Mark::contested);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('collectivite.confirm', 'collectivite.contest')"), 2);

    auto missing = identity::review_registration_collectivite(*db_, organiser.id, 999999, identity::CollectiviteReview::confirmed);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}
