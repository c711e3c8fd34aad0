// Documents published as files on an event, against a real database (SQLite, and
// PostgreSQL when ATELIERS_TEST_PG_URL is set) and a real folder: the bytes land on disk
// under a random name with their row; a refusal keeps nothing, on disk or in the tables;
// withdrawing removes both; a draft's files are only for organisers.
#include <filesystem>
#include <fstream>
#include <random>

#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_programme_admin.hpp"
#include "features/events/services/event_files.hpp"
#include "features/events/services/event_programme.hpp"
#include "platform/files/file_records.hpp"
#include "platform/files/file_storage.hpp"
#include "platform/files/upload_rules.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const std::string pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";

class StoredFilesTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        std::random_device rd;
        folder = std::filesystem::temp_directory_path() / ("ateliers-files-" + std::to_string(rd()));
        storage = files::FileStorage(folder);
        const events::EventForm form{"Journées 2027", "", "journees", "25/11/2027", "9:00", "26/11/2027", "17:30", "Halle Pajol",
                                     "Paris 18e", "Oui", "", "", "250", "", "", "UNADEL", ""};
        auto created = services::create_event_from_form(*db_, 0, form);
        ASSERT_TRUE(created.ok()) << created.failure().message;
        organiser = person("Olga Organisatrice", "commune:42168");
    }
    void TearDown() override {
        std::filesystem::remove_all(folder);
        DatabaseTest::TearDown();
    }

    std::size_t files_on_disk() const {
        std::size_t n = 0;
        if (!std::filesystem::exists(folder)) return 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(folder)) n += e.is_regular_file();
        return n;
    }

    Result<long long> upload(const std::string& title, const std::string& name, const std::string& bytes) {
        return services::add_event_file(*db_, storage, organiser.id, "journees-2027", {title, name, bytes});
    }

    std::filesystem::path folder;
    files::FileStorage storage;
    services::CurrentUser organiser;
};

}  // namespace

TEST_F(StoredFilesTest, KeepsTheBytesOnDiskAndWhatTheyAreInTheTables) {
    auto id = upload("  Synthèse des ateliers ", "C:\\Bureau\\synthèse.exe", pdf);
    ASSERT_TRUE(id.ok()) << id.failure().message;
    EXPECT_EQ(files_on_disk(), 1u);
    auto p = services::event_programme(*db_, "journees-2027", true);
    ASSERT_TRUE(p.ok());
    ASSERT_EQ(p->files.size(), 1u);
    const auto& listed = p->files[0];
    EXPECT_EQ(listed.title, "Synthèse des ateliers");
    EXPECT_EQ(listed.original_name, "synthèse.exe.pdf");
    EXPECT_EQ(listed.media_type, "application/pdf");
    EXPECT_EQ(listed.size_bytes, static_cast<long long>(pdf.size()));
    soci::session sql(db_->pool());
    const auto stored = files::find_stored_file(sql, listed.file_id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->uploaded_by, organiser.id);
    EXPECT_EQ(stored->sha256.size(), 64u);
    EXPECT_EQ(stored->storage_key.find("synth"), std::string::npos);  // the disk name says nothing
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.document'"), 1);

    auto download = services::event_file_download(*db_, storage, "journees-2027", id.value(), true);
    ASSERT_TRUE(download.ok()) << download.failure().message;
    EXPECT_EQ(download->bytes, pdf);
    EXPECT_EQ(download->file.original_name, "synthèse.exe.pdf");
}

TEST_F(StoredFilesTest, RefusalsKeepNothingAndSayWhyPerField) {
    auto foreign = upload("Programme", "programme.pdf", "<html><script>alert(1)</script></html>");
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.failure().kind, FailureKind::invalid);
    EXPECT_TRUE(foreign.failure().fields.count("file"));
    auto untitled = upload(" ", "a.pdf", pdf);
    ASSERT_FALSE(untitled.ok());
    EXPECT_TRUE(untitled.failure().fields.count("title"));
    EXPECT_FALSE(untitled.failure().fields.count("file"));
    auto nothing = upload("Programme", "", "");
    ASSERT_FALSE(nothing.ok());
    EXPECT_EQ(nothing.failure().fields.at("file"), "Choisissez un fichier à envoyer.");
    auto too_big = upload("Vidéo", "video.pdf", pdf + std::string(files::max_file_bytes, ' '));
    ASSERT_FALSE(too_big.ok());
    EXPECT_NE(too_big.failure().fields.at("file").find("limite de 20 Mo"), std::string::npos);
    auto no_event = services::add_event_file(*db_, storage, organiser.id, "inconnu", {"Programme", "a.pdf", pdf});
    ASSERT_FALSE(no_event.ok());
    EXPECT_EQ(no_event.failure().kind, FailureKind::not_found);
    // The bytes of the refused transaction went again.
    EXPECT_EQ(files_on_disk(), 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stored_files"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_files"), 0);
}

TEST_F(StoredFilesTest, WithdrawingRemovesTheRowsAndTheBytes) {
    auto id = upload("Diaporama", "diaporama.pdf", pdf);
    ASSERT_TRUE(id.ok()) << id.failure().message;
    ASSERT_EQ(files_on_disk(), 1u);
    auto other = services::remove_event_file(*db_, storage, organiser.id, "journees-2027", id.value() + 1);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.failure().kind, FailureKind::not_found);
    ASSERT_TRUE(services::remove_event_file(*db_, storage, organiser.id, "journees-2027", id.value()).ok());
    EXPECT_EQ(files_on_disk(), 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stored_files"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_files"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.document'"), 2);
    auto gone = services::event_file_download(*db_, storage, "journees-2027", id.value(), true);
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.failure().kind, FailureKind::not_found);
}

TEST_F(StoredFilesTest, ADraftsFilesAreForOrganisersOnly) {
    auto id = upload("Diaporama", "diaporama.pdf", pdf);
    ASSERT_TRUE(id.ok()) << id.failure().message;
    auto hidden = services::event_file_download(*db_, storage, "journees-2027", id.value(), false);
    ASSERT_FALSE(hidden.ok());
    EXPECT_EQ(hidden.failure().kind, FailureKind::not_found);
    auto p = services::event_programme(*db_, "journees-2027", true);
    ASSERT_TRUE(p.ok());
    ASSERT_TRUE(services::publish_event(*db_, 0, p->event.id, true).ok());
    EXPECT_TRUE(services::event_file_download(*db_, storage, "journees-2027", id.value(), false).ok());
}
