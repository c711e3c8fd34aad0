// Limits and one-time links of accounts: what stops a flood of logins, resets and
// sign-ups, and what a used or newer link leaves valid.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <regex>
#include <thread>
#include <vector>

#include "platform/auth/accounts.hpp"
#include "features/cycles/services/calendar_feeds.hpp"
#include "test_database.hpp"
#include "platform/http/failure_status.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string password = "un mot de passe long";

accounts::SignUpInput person_input(const std::string& email) {
    return {"Jean-François Chanal", email, password, password, "commune:42168", "elu", "adjoint au maire"};
}

class AccountLimitsTest : public test_support::DatabaseTest {
protected:
    std::string last_token(const std::string& email) {
        std::string body;
        soci::session sql(db_->pool());
        sql << "SELECT body_text FROM outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1", soci::use(email),
            soci::into(body);
        std::smatch m;
        EXPECT_TRUE(std::regex_search(body, m, std::regex("jeton=([A-Za-z0-9_-]+)"))) << body;
        return m.size() > 1 ? m[1].str() : std::string{};
    }

    // A confirmed account with the default password.
    void confirmed(const std::string& email) {
        ASSERT_TRUE(services::sign_up(*db_, person_input(email), mail).ok());
        ASSERT_TRUE(services::confirm_email(*db_, last_token(email)).ok());
    }

    long long mails_to(const std::string& email) {
        return count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + email + "'");
    }
};

double median_ms(const std::function<void()>& f, int runs) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

TEST_F(AccountLimitsTest, SixteenParallelWrongPasswordsGetExactlyFiveVerified) {
    confirmed("jf@pelussin.fr");
    const auto verified_before = crypto::verifications();
    std::atomic<int> refused{0}, limited{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&] {
            auto r = services::log_in(*db_, "jf@pelussin.fr", "pas le bon mot de passe", "10.0.0.7");
            const int status = r.ok() ? 200 : web::http_status(r.failure());
            (status == 401 ? refused : status == 429 ? limited : other)++;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(refused.load(), 5);
    EXPECT_EQ(limited.load(), 11);
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(crypto::verifications() - verified_before, 5u) << "only admitted attempts pay for argon2id";
}

TEST_F(AccountLimitsTest, AnUnknownAddressCostsTheSameVerificationAsAKnownOne) {
    confirmed("jf@pelussin.fr");
    const auto before = crypto::verifications();
    auto unknown = services::log_in(*db_, "personne@nulle-part.fr", password, "10.0.0.1");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::unauthenticated);
    EXPECT_EQ(crypto::verifications() - before, 1u) << "a dummy argon2id verification ran";

    // And it shows in the time taken: the same order, far from the ~1 ms of a bare lookup.
    int n = 0;
    const double unknown_ms = median_ms(
        [&] { (void)services::log_in(*db_, "inconnu" + std::to_string(n++) + "@exemple.fr", "x", "10.0.1.1"); }, 3);
    const double known_ms = median_ms([&] { (void)services::log_in(*db_, "jf@pelussin.fr", "faux", "10.0.2.1"); }, 3);
    EXPECT_GT(unknown_ms, known_ms / 4) << unknown_ms << " ms vs " << known_ms << " ms";
    EXPECT_LT(unknown_ms, known_ms * 4) << unknown_ms << " ms vs " << known_ms << " ms";
}

TEST_F(AccountLimitsTest, ANewResetLinkRetiresTheOlderOnesAndEachWorksOnce) {
    confirmed("jf@pelussin.fr");
    ASSERT_TRUE(services::request_password_reset(*db_, "jf@pelussin.fr", mail, "10.0.0.1").ok());
    const auto first = last_token("jf@pelussin.fr");
    ASSERT_TRUE(services::request_password_reset(*db_, "jf@pelussin.fr", mail, "10.0.0.1").ok());
    const auto second = last_token("jf@pelussin.fr");
    ASSERT_NE(first, second);

    auto old = services::reset_password(*db_, first, "nouvelle phrase secrète", "nouvelle phrase secrète");
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.failure().kind, FailureKind::gone);
    ASSERT_TRUE(services::reset_password(*db_, second, "nouvelle phrase secrète", "nouvelle phrase secrète").ok());
    auto again = services::reset_password(*db_, second, "encore une autre phrase", "encore une autre phrase");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::gone);
    EXPECT_EQ(count("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'reset' AND used_at IS NULL"), 0);
}

TEST_F(AccountLimitsTest, ADeadResetLinkIsRefusedWithoutHashing) {
    const auto before = crypto::hashes();
    for (int i = 0; i < 5; ++i) {
        auto r = services::reset_password(*db_, "jeton-invente-" + std::to_string(i), "nouvelle phrase secrète",
                                          "nouvelle phrase secrète");
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.failure().kind, FailureKind::gone);
    }
    EXPECT_EQ(crypto::hashes(), before);
}

TEST_F(AccountLimitsTest, AResetLiftsTheLoginLock) {
    confirmed("jf@pelussin.fr");
    for (int i = 0; i < 5; ++i) (void)services::log_in(*db_, "jf@pelussin.fr", "mauvais", "10.0.0.1");
    auto locked = services::log_in(*db_, "jf@pelussin.fr", password, "10.0.0.1");
    ASSERT_FALSE(locked.ok());
    ASSERT_EQ(locked.failure().kind, FailureKind::too_many);

    ASSERT_TRUE(services::request_password_reset(*db_, "jf@pelussin.fr", mail, "10.0.0.1").ok());
    ASSERT_TRUE(services::reset_password(*db_, last_token("jf@pelussin.fr"), "nouvelle phrase secrète",
                                         "nouvelle phrase secrète")
                    .ok());
    auto after = services::log_in(*db_, "jf@pelussin.fr", "nouvelle phrase secrète", "10.0.0.1");
    EXPECT_TRUE(after.ok()) << (after.ok() ? "" : after.failure().message);
}

TEST_F(AccountLimitsTest, ResetRequestsAreLimitedPerAddressAndPerClientWhetherTheAccountExistsOrNot) {
    confirmed("jf@pelussin.fr");
    for (const auto* email : {"jf@pelussin.fr", "inconnu@exemple.fr"}) {
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE(services::request_password_reset(*db_, email, mail, "10.0.0." + std::to_string(i)).ok());
        auto fourth = services::request_password_reset(*db_, email, mail, "10.0.0.9");
        ASSERT_FALSE(fourth.ok()) << email;
        EXPECT_EQ(fourth.failure().kind, FailureKind::too_many);
        EXPECT_NE(fourth.failure().message.find("Réessayez dans une heure"), std::string::npos);
    }
    EXPECT_EQ(mails_to("jf@pelussin.fr"), 1 + 3) << "confirmation, then three reset links";
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(services::request_password_reset(*db_, "p" + std::to_string(i) + "@exemple.fr", mail, "192.0.2.1")
                        .ok());
    auto flood = services::request_password_reset(*db_, "p99@exemple.fr", mail, "192.0.2.1");
    ASSERT_FALSE(flood.ok());
    EXPECT_EQ(flood.failure().kind, FailureKind::too_many);
}

TEST_F(AccountLimitsTest, SignUpsAreLimitedPerClientAndCheapRefusalsSkipTheHash) {
    const auto before = crypto::hashes();
    auto duplicate = person_input("jf@pelussin.fr");
    ASSERT_TRUE(services::sign_up(*db_, duplicate, mail, {}, "192.0.2.1").ok());
    EXPECT_FALSE(services::sign_up(*db_, duplicate, mail, {}, "192.0.2.1").ok());
    auto nowhere = person_input("autre@pelussin.fr");
    nowhere.collectivite_id = "commune:99999";
    EXPECT_FALSE(services::sign_up(*db_, nowhere, mail, {}, "192.0.2.1").ok());
    EXPECT_EQ(crypto::hashes() - before, 1u) << "a taken address or unknown collectivité costs no hash";

    for (int i = 1; i < 20; ++i)
        ASSERT_TRUE(services::sign_up(*db_, person_input("p" + std::to_string(i) + "@exemple.fr"), mail, {}, "192.0.2.1")
                        .ok());
    const auto hashed = crypto::hashes();
    auto over = services::sign_up(*db_, person_input("p20@exemple.fr"), mail, {}, "192.0.2.1");
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.failure().kind, FailureKind::too_many);
    EXPECT_EQ(crypto::hashes(), hashed);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'p20@exemple.fr'"), 0);
    EXPECT_TRUE(services::sign_up(*db_, person_input("p20@exemple.fr"), mail, {}, "192.0.2.2").ok())
        << "another client is not held up";
}

TEST_F(AccountLimitsTest, TheConfirmationLinkLogsInOnce) {
    ASSERT_TRUE(services::sign_up(*db_, person_input("jf@pelussin.fr"), mail).ok());
    const auto token = last_token("jf@pelussin.fr");
    auto confirmed = services::confirm_email(*db_, token);
    ASSERT_TRUE(confirmed.ok()) << confirmed.failure().message;
    auto user = services::user_for_session(*db_, confirmed->session_token);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->email, "jf@pelussin.fr");
    auto again = services::confirm_email(*db_, token);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::gone);
}

TEST_F(AccountLimitsTest, ANewConfirmationLinkReplacesTheOldOneAndIsLimited) {
    ASSERT_TRUE(services::sign_up(*db_, person_input("jf@pelussin.fr"), mail).ok());
    const auto first = last_token("jf@pelussin.fr");
    ASSERT_TRUE(services::resend_confirmation(*db_, "JF@pelussin.fr", mail, "10.0.0.1", "/cycles/x/inscription").ok());
    EXPECT_EQ(mails_to("jf@pelussin.fr"), 2);
    const auto second = last_token("jf@pelussin.fr");
    EXPECT_FALSE(services::confirm_email(*db_, first).ok()) << "the older link no longer works";

    // Unknown or already confirmed: the same answer, no e-mail.
    ASSERT_TRUE(services::resend_confirmation(*db_, "inconnu@exemple.fr", mail, "10.0.0.1").ok());
    EXPECT_EQ(mails_to("inconnu@exemple.fr"), 0);
    ASSERT_TRUE(services::resend_confirmation(*db_, "jf@pelussin.fr", mail, "10.0.0.1").ok());
    ASSERT_TRUE(services::resend_confirmation(*db_, "jf@pelussin.fr", mail, "10.0.0.1").ok());
    auto fourth = services::resend_confirmation(*db_, "jf@pelussin.fr", mail, "10.0.0.1");
    ASSERT_FALSE(fourth.ok());
    EXPECT_EQ(fourth.failure().kind, FailureKind::too_many);
    EXPECT_TRUE(services::confirm_email(*db_, last_token("jf@pelussin.fr")).ok());
    EXPECT_FALSE(services::confirm_email(*db_, second).ok());
}

TEST_F(AccountLimitsTest, ANewCalendarAddressRetiresTheOldOne) {
    const auto u = person("agenda", "commune:42168");
    auto old_token = services::calendar_token(*db_, u.id);
    ASSERT_TRUE(old_token.ok());
    auto fresh = services::rotate_calendar_token(*db_, u.id);
    ASSERT_TRUE(fresh.ok());
    EXPECT_NE(fresh.value(), old_token.value());
    auto old_feed = services::personal_calendar(*db_, old_token.value(), "https://ateliers.example");
    ASSERT_TRUE(old_feed.ok());
    EXPECT_FALSE(old_feed.value().has_value()) << "the old address answers nothing";
    auto new_feed = services::personal_calendar(*db_, fresh.value(), "https://ateliers.example");
    ASSERT_TRUE(new_feed.ok());
    EXPECT_TRUE(new_feed.value().has_value());
    EXPECT_EQ(services::calendar_token(*db_, u.id).value(), fresh.value());
}
