#include <regex>

#include "platform/auth/accounts.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

accounts::SignUpInput jean() {
    return {"Jean-François Chanal", "JF.Chanal@Pelussin.fr", "un mot de passe long", "un mot de passe long",
            "commune:42168", "elu", "adjoint au maire"};
}

const services::MailContext mail{"https://ateliers.example"};

class AccountsTest : public test_support::DatabaseTest {
protected:
    // The token the last e-mail to `email` carries in its link.
    std::string last_token(const std::string& email) {
        std::string body;
        soci::session sql(db_->pool());
        sql << "SELECT body_text FROM outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1", soci::use(email),
            soci::into(body);
        std::smatch m;
        EXPECT_TRUE(std::regex_search(body, m, std::regex("jeton=([A-Za-z0-9_-]+)"))) << body;
        return m.size() > 1 ? m[1].str() : std::string{};
    }
};

}  // namespace

TEST_F(AccountsTest, SignUpStoresTheAccountAndQueuesAConfirmationEmail) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'jf.chanal@pelussin.fr'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE role = 'participant'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'jf.chanal@pelussin.fr' AND subject LIKE "
                    "'Confirmez%'"),
              1);
    // Only an argon2id hash is stored.
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE password_hash LIKE '$argon2id$%'"), 1);
}

TEST_F(AccountsTest, DuplicateEmailIsRefusedWhateverItsCase) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    auto again = jean();
    again.email = "jf.chanal@PELUSSIN.fr";
    auto result = services::sign_up(*db_, again, mail);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().kind, FailureKind::invalid);
    EXPECT_NE(result.failure().fields.at("email").find("existe déjà"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 1);
}

TEST_F(AccountsTest, UnknownCollectiviteIsRefusedAndNothingIsWritten) {
    auto input = jean();
    input.collectivite_id = "commune:99999";
    auto result = services::sign_up(*db_, input, mail);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.failure().fields.at("collectivite").find("introuvable"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST_F(AccountsTest, LoginNeedsAConfirmedAddressThenOpensASession) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    auto before = services::log_in(*db_, "jf.chanal@pelussin.fr", "un mot de passe long", "127.0.0.1");
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.failure().kind, FailureKind::forbidden);

    const auto token = last_token("jf.chanal@pelussin.fr");
    ASSERT_TRUE(services::confirm_email(*db_, token).ok());
    EXPECT_FALSE(services::confirm_email(*db_, token).ok()) << "a confirmation link works once";

    auto login = services::log_in(*db_, "JF.Chanal@pelussin.fr", "un mot de passe long", "127.0.0.1");
    ASSERT_TRUE(login.ok()) << login.failure().message;
    auto user = services::user_for_session(*db_, login->session_token);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->full_name, "Jean-François Chanal");
    EXPECT_EQ(user->collectivite_label, "Pélussin (42) – commune");
    EXPECT_TRUE(user->has_role("participant"));

    services::log_out(*db_, login->session_token);
    EXPECT_FALSE(services::user_for_session(*db_, login->session_token).has_value());
}

TEST_F(AccountsTest, WrongPasswordsAreRateLimitedPerAddress) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    ASSERT_TRUE(services::confirm_email(*db_, last_token("jf.chanal@pelussin.fr")).ok());
    for (int i = 0; i < 5; ++i) {
        auto wrong = services::log_in(*db_, "jf.chanal@pelussin.fr", "mauvais mot de passe", "10.0.0.1");
        ASSERT_FALSE(wrong.ok());
        EXPECT_EQ(wrong.failure().kind, FailureKind::unauthenticated);
    }
    auto blocked = services::log_in(*db_, "jf.chanal@pelussin.fr", "un mot de passe long", "10.0.0.1");
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.failure().kind, FailureKind::too_many);
    EXPECT_NE(blocked.failure().message.find("Trop de tentatives"), std::string::npos);
}

TEST_F(AccountsTest, PasswordResetReplacesThePasswordAndEndsSessions) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    ASSERT_TRUE(services::confirm_email(*db_, last_token("jf.chanal@pelussin.fr")).ok());
    auto session = services::log_in(*db_, "jf.chanal@pelussin.fr", "un mot de passe long", "127.0.0.1");
    ASSERT_TRUE(session.ok());

    ASSERT_TRUE(services::request_password_reset(*db_, "jf.chanal@pelussin.fr", mail).ok());
    ASSERT_TRUE(services::request_password_reset(*db_, "inconnu@exemple.fr", mail).ok()) << "no enumeration";
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'inconnu@exemple.fr'"), 0);

    const auto token = last_token("jf.chanal@pelussin.fr");
    auto too_short = services::reset_password(*db_, token, "court", "court");
    ASSERT_FALSE(too_short.ok());
    ASSERT_TRUE(services::reset_password(*db_, token, "nouvelle phrase secrète", "nouvelle phrase secrète").ok());
    EXPECT_FALSE(services::user_for_session(*db_, session->session_token).has_value());
    EXPECT_FALSE(services::log_in(*db_, "jf.chanal@pelussin.fr", "un mot de passe long", "127.0.0.2").ok());
    EXPECT_TRUE(services::log_in(*db_, "jf.chanal@pelussin.fr", "nouvelle phrase secrète", "127.0.0.2").ok());
}

TEST_F(AccountsTest, RolesAreGrantedOnceAndUnknownRolesRefused) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    ASSERT_TRUE(services::grant_role(*db_, "jf.chanal@pelussin.fr", "organiser", "").ok());
    ASSERT_TRUE(services::grant_role(*db_, "jf.chanal@pelussin.fr", "organiser", "").ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE role = 'organiser'"), 1);
    EXPECT_FALSE(services::grant_role(*db_, "jf.chanal@pelussin.fr", "roi", "").ok());
    EXPECT_FALSE(services::grant_role(*db_, "personne@exemple.fr", "admin", "").ok());
    EXPECT_FALSE(services::grant_role(*db_, "jf.chanal@pelussin.fr", "facilitator", "cycle-inconnu").ok());
}

TEST_F(AccountsTest, ProfileUpdateValidatesTheCollectivite) {
    ASSERT_TRUE(services::sign_up(*db_, jean(), mail).ok());
    const long long id = count("SELECT id FROM users");
    EXPECT_FALSE(services::update_profile(*db_, id, {"Jean", "epci:000000000", "agent", "DGS"}).ok());
    ASSERT_TRUE(services::update_profile(*db_, id, {"Jean", "epci:244200895", "agent", "DGS"}).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE collectivite_id = 'epci:244200895' AND mandate = 'agent'"), 1);
}
