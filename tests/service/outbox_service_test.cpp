#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "platform/mail/outbox_claims.hpp"
#include "platform/mail/outbox_worker.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/mail/outbox.hpp"
#include "test_database.hpp"

using namespace ateliers;

class OutboxTest : public test_support::DatabaseTest {};

TEST_F(OutboxTest, PendingMailIsWrittenAsEmlOnceAndMarkedSent) {
    {
        soci::session sql(db_->pool());
        services::enqueue_mail(sql, services::compose_mail("marie@exemple.fr", "Inscription reçue – été",
                                                            "Bonjour Marie,", {"Votre inscription est reçue."},
                                                            "Voir", "https://ateliers.example/espace"));
    }
    const auto folder = std::filesystem::temp_directory_path() / ("ateliers-mail-" + std::to_string(getpid()));
    std::filesystem::remove_all(folder);
    jobs::MailSettings settings;
    settings.mail_dir = folder.string();
    auto first = jobs::deliver_pending(*db_, settings, 10);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first.value(), 1);
    auto second = jobs::deliver_pending(*db_, settings, 10);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.value(), 0) << "never sent twice";
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"), 1);

    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(folder)) files.push_back(f.path());
    ASSERT_EQ(files.size(), 1u);
    std::ifstream in(files.front());
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("To: marie@exemple.fr"), std::string::npos);
    EXPECT_NE(text.str().find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(text.str().find("multipart/alternative"), std::string::npos);
    std::filesystem::remove_all(folder);
}

TEST_F(OutboxTest, UnreachableSmtpServerKeepsTheMessageForLater) {
    {
        soci::session sql(db_->pool());
        services::enqueue_mail(sql, services::compose_mail("marie@exemple.fr", "Test", "Bonjour", {}, "", ""));
    }
    jobs::MailSettings settings;
    settings.smtp_url = "smtp://127.0.0.1:1";  // nothing listens there
    auto result = jobs::deliver_pending(*db_, settings, 10);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND last_error <> ''"), 1);
}

namespace {

// A folder of .eml files for one worker, removed with the test.
struct MailFolder {
    std::filesystem::path path;
    explicit MailFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               ("ateliers-mail-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(std::rand()))) {
        std::filesystem::remove_all(path);
    }
    ~MailFolder() { std::filesystem::remove_all(path); }
    jobs::MailSettings settings() const {
        jobs::MailSettings s;
        s.mail_dir = path.string();
        return s;
    }
    std::vector<std::string> files() const {
        std::vector<std::string> out;
        if (!std::filesystem::exists(path)) return out;
        for (const auto& f : std::filesystem::directory_iterator(path)) out.push_back(f.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
    std::string read(const std::string& name) const {
        std::ifstream in(path / name);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
};

std::string header(const std::string& message, const std::string& name) {
    const auto at = message.find("\r\n" + name + ": ");
    if (at == std::string::npos) return {};
    const auto start = at + 4 + name.size();
    return message.substr(start, message.find("\r\n", start) - start);
}

}  // namespace

class OutboxLeaseTest : public OutboxTest {
protected:
    void queue(int n) {
        soci::session sql(db_->pool());
        for (int i = 0; i < n; ++i)
            services::enqueue_mail(sql, services::compose_mail("p" + std::to_string(i) + "@exemple.fr", "Message",
                                                                "Bonjour,", {"Texte."}, "", ""));
    }
    std::string text(const std::string& query) {
        std::string out;
        soci::session sql(db_->pool());
        sql << query, soci::into(out);
        return out;
    }
};

TEST_F(OutboxLeaseTest, EachRowHasItsOwnMessageIdFromTheStart) {
    queue(2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE message_id LIKE 'outbox-%@ateliers-territoires.anct.gouv.fr'"), 2);
    EXPECT_EQ(count("SELECT COUNT(DISTINCT message_id) FROM outbox"), 2);
}

TEST_F(OutboxLeaseTest, AWorkerThatDiedIsReplacedAfterItsLeaseAndTheResendKeepsTheMessageId) {
    queue(1);
    const std::int64_t t = store::now_utc_seconds();
    // Worker A takes the row, hands it to the SMTP server, and is killed before marking it sent.
    auto a = jobs::claim_pending(*db_, 10, t);
    ASSERT_TRUE(a.ok());
    ASSERT_EQ(a->mails.size(), 1u);
    const std::string sent_by_a = a->mails[0].message_id;
    ASSERT_FALSE(sent_by_a.empty());

    MailFolder b("b");
    const auto at = [](std::int64_t s) { return [s] { return s; }; };
    auto during_lease = jobs::deliver_pending(*db_, b.settings(), 10, at(t + 60));
    ASSERT_TRUE(during_lease.ok());
    EXPECT_EQ(during_lease.value(), 0) << "A's lease still holds the row";
    EXPECT_TRUE(b.files().empty());

    auto after_lease = jobs::deliver_pending(*db_, b.settings(), 10, at(t + jobs::outbox_lease_seconds + 1));
    ASSERT_TRUE(after_lease.ok());
    EXPECT_EQ(after_lease.value(), 1) << "the row of a dead worker is taken again";
    ASSERT_EQ(b.files().size(), 1u);
    EXPECT_EQ(header(b.read(b.files()[0]), "Message-ID"), "<" + sent_by_a + ">")
        << "the receiver can recognise the duplicate";
    EXPECT_EQ(count("SELECT attempts FROM outbox"), 2);
}

TEST_F(OutboxLeaseTest, AWorkerThatLostItsLeaseSendsNothingOfItsBatch) {
    queue(3);
    const std::int64_t t = store::now_utc_seconds();
    auto a = jobs::claim_pending(*db_, 10, t);
    ASSERT_TRUE(a.ok());
    ASSERT_EQ(a->mails.size(), 3u);

    // A stalls past its lease; B takes the rows and sends them.
    MailFolder fa("a"), fb("b");
    const std::int64_t later = t + jobs::outbox_lease_seconds + 1;
    auto b = jobs::deliver_pending(*db_, fb.settings(), 10, [later] { return later; });
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b.value(), 3);

    // A wakes up: before sending it checks its claim, and every row is B's now.
    auto resumed = jobs::send_claimed(*db_, fa.settings(), a.value(), [later] { return later; });
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed.value(), 0);
    EXPECT_TRUE(fa.files().empty()) << "sent twice";
}

TEST_F(OutboxLeaseTest, TwoWorkersOnOneDatabaseSendEveryRowExactlyOnce) {
    queue(40);
    // Two handles on the same database, as two `ateliers serve` processes would have.
    auto other = store::Database::open(url_, 2);
    ASSERT_TRUE(other.ok());
    MailFolder fa("a"), fb("b");
    std::atomic<int> sent_a{0}, sent_b{0};
    const auto work = [](store::Database& db, const jobs::MailSettings& s, std::atomic<int>& sent) {
        for (int idle = 0; idle < 3;) {
            auto n = jobs::deliver_pending(db, s, 3);
            if (!n.ok() || n.value() == 0) ++idle;
            else sent += n.value();
        }
    };
    std::thread a(work, std::ref(*db_), fa.settings(), std::ref(sent_a));
    std::thread b(work, std::ref(*other.value()), fb.settings(), std::ref(sent_b));
    a.join();
    b.join();
    EXPECT_EQ(sent_a + sent_b, 40);
    const auto in_a = fa.files(), in_b = fb.files();
    EXPECT_EQ(in_a.size() + in_b.size(), 40u);
    std::vector<std::string> both;
    std::set_intersection(in_a.begin(), in_a.end(), in_b.begin(), in_b.end(), std::back_inserter(both));
    EXPECT_TRUE(both.empty()) << both.size() << " message(s) sent by both workers";
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT MAX(attempts) FROM outbox"), 1);
}

TEST_F(OutboxLeaseTest, SentRowsKeepNoConfirmationOrResetLink) {
    accounts::SignUpInput input{"Jean-François Chanal", "jf.chanal@pelussin.fr", "un mot de passe long",
                                "un mot de passe long", "commune:42168", "elu", "adjoint au maire"};
    const services::MailContext mail{"https://ateliers.example"};
    ASSERT_TRUE(services::sign_up(*db_, input, mail).ok());
    ASSERT_TRUE(services::request_password_reset(*db_, "jf.chanal@pelussin.fr", mail).ok());
    ASSERT_EQ(count("SELECT COUNT(*) FROM outbox WHERE body_text LIKE '%jeton=%'"), 2);

    MailFolder folder("redact");
    auto sent = jobs::deliver_pending(*db_, folder.settings(), 10);
    ASSERT_TRUE(sent.ok());
    ASSERT_EQ(sent.value(), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE body_text LIKE '%jeton%' OR body_html LIKE '%jeton%'"), 0)
        << "a link read from the table would still confirm the account or reset the password";
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE body_html = '' AND body_text = '[contenu effacé après envoi]' "
                    "AND recipient = 'jf.chanal@pelussin.fr' AND subject <> '' AND sent_at IS NOT NULL"),
              2)
        << "recipient, subject and date stay for the journal";
    // The messages themselves carried the links.
    for (const auto& f : folder.files())
        EXPECT_NE(folder.read(f).find("Content-Type: multipart/alternative"), std::string::npos);
}

TEST_F(OutboxLeaseTest, AGivenUpRowLosesItsBodiesToo) {
    queue(1);
    {
        soci::session sql(db_->pool());
        sql << "UPDATE outbox SET attempts = 9";
    }
    jobs::MailSettings settings;
    settings.smtp_url = "smtp://127.0.0.1:1";  // nothing listens there
    auto result = jobs::deliver_pending(*db_, settings, 10);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE attempts = 10 AND sent_at IS NULL AND last_error <> '' "
                    "AND body_text = '[contenu effacé après envoi]'"),
              1);
}
