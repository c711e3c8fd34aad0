#include <filesystem>
#include <fstream>
#include <sstream>

#include "jobs/outbox_worker.hpp"
#include "services/outbox.hpp"
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
