// Badges, certificates of attendance and reminders against a real database (SQLite, and
// PostgreSQL when ATELIERS_TEST_PG_URL is set): badges for confirmed people only, with the
// workshops where they hold a seat; a certificate only once checked in; the week-before and
// day-before reminders go once each, with the person's own programme; the certificate by
// e-mail, attached, once.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "features/events/domain/certificate_mail_rules.hpp"
#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_certificate_mail.hpp"
#include "features/events/services/event_checkin.hpp"
#include "features/events/services/event_documents.hpp"
#include "features/events/services/event_registrations.hpp"
#include "features/events/services/event_reminders.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/mail/mime.hpp"
#include "platform/mail/outbox_worker.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class EventsDocumentsTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        starts = store::now_utc_seconds() + 30 * 86400;
        store::EventRow e;
        e.slug = "badges-test";
        e.title = "Rencontres des badges";
        e.kind = "journees";
        e.starts_at = starts;
        e.ends_at = starts + 86400;
        e.capacity = 2;
        e.published = true;
        auto id = services::create_event(*db_, 0, e);
        ASSERT_TRUE(id.ok()) << id.failure().message;
        event_id = id.value();
        store::ItemRow opening;
        opening.event_id = event_id;
        opening.kind = "plenary";
        opening.title = "Ouverture des journées";
        opening.starts_at = starts;
        ASSERT_TRUE(services::add_event_item(*db_, 0, opening).ok());
        auto slot = services::add_event_slot(*db_, 0, {0, event_id, "Ateliers du matin", starts + 3600, starts + 7200});
        ASSERT_TRUE(slot.ok()) << slot.failure().message;
        slot_id = slot.value();
        store::ItemRow i;
        i.event_id = event_id;
        i.slot_id = slot_id;
        i.kind = "workshop";
        i.title = "Coopérer entre communes";
        i.room = "Salle Jaurès";
        i.capacity = 10;
        auto item = services::add_event_item(*db_, 0, i);
        ASSERT_TRUE(item.ok()) << item.failure().message;
        workshop = item.value();
    }

    long long join(const services::CurrentUser& u, events::Choices choices) {
        services::EventRegistrationRequest r{{"UNADEL", "association", "Chargée de mission", "in_person", "", "", false},
                                             "",
                                             std::move(choices)};
        auto out = services::register_to_event(*db_, u, "badges-test", r, mail);
        EXPECT_TRUE(out.ok()) << out.failure().message;
        return out.ok() ? out->registration_id : 0;
    }

    long long starts = 0, event_id = 0, slot_id = 0, workshop = 0;
};

}  // namespace

TEST_F(EventsDocumentsTest, BadgesAreForConfirmedPeopleWithTheirWorkshops) {
    const auto zoe = person("zoe", "commune:42168"), ana = person("ana", "commune:42168"),
               max = person("max", "commune:42168");
    const auto z = join(zoe, {{slot_id, workshop}});
    join(ana, {});
    join(max, {{slot_id, workshop}});  // the event holds two: max waits

    auto sheet = services::event_badge_sheet(*db_, "badges-test");
    ASSERT_TRUE(sheet.ok()) << sheet.failure().message;
    ASSERT_EQ(sheet->badges.size(), 2u);
    EXPECT_EQ(sheet->badges[0].registration.full_name, "ana");  // by name
    EXPECT_TRUE(sheet->badges[0].workshops.empty());
    EXPECT_EQ(sheet->badges[1].registration.id, z);
    ASSERT_EQ(sheet->badges[1].workshops.size(), 1u);
    EXPECT_EQ(sheet->badges[1].workshops[0].title, "Coopérer entre communes");
    EXPECT_EQ(sheet->badges[1].workshops[0].room, "Salle Jaurès");
    EXPECT_EQ(sheet->badges[1].token.rfind(std::to_string(z) + ".", 0), 0u) << "the ticket's signed token";

    auto own = services::my_event_badge(*db_, "badges-test", zoe.id);
    ASSERT_TRUE(own.ok()) << own.failure().message;
    ASSERT_EQ(own->badges.size(), 1u);
    EXPECT_EQ(own->badges[0].registration.id, z);

    auto waiting = services::my_event_badge(*db_, "badges-test", max.id);
    ASSERT_FALSE(waiting.ok());
    EXPECT_EQ(waiting.failure().kind, FailureKind::forbidden);
    EXPECT_NE(waiting.failure().message.find("confirmée"), std::string::npos);
    EXPECT_EQ(services::event_badge_of(*db_, "autre", z).failure().kind, FailureKind::not_found);
}

TEST_F(EventsDocumentsTest, ACertificateOnlyOnceCheckedInWithTheWorkshopsAttended) {
    const auto zoe = person("zoe", "commune:42168"), leo = person("leo", "commune:42168");
    const auto z = join(zoe, {{slot_id, workshop}});

    auto before = services::my_event_certificate(*db_, "badges-test", zoe.id);
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.failure().kind, FailureKind::conflict);
    EXPECT_NE(before.failure().message.find("pas été pointé·e"), std::string::npos);
    EXPECT_EQ(services::my_event_certificate(*db_, "badges-test", leo.id).failure().kind, FailureKind::forbidden);

    ASSERT_TRUE(services::check_in(*db_, 0, "badges-test", "", z).ok());
    ASSERT_TRUE(services::mark_workshop_presence(*db_, 0, "badges-test", z, workshop).ok());
    auto after = services::my_event_certificate(*db_, "badges-test", zoe.id);
    ASSERT_TRUE(after.ok()) << after.failure().message;
    EXPECT_EQ(after->registration.id, z);
    EXPECT_GT(after->checked_in_at, 0);
    ASSERT_EQ(after->workshops.size(), 1u);
    EXPECT_EQ(after->workshops[0].title, "Coopérer entre communes");
    EXPECT_TRUE(services::event_certificate_of(*db_, "badges-test", z).ok());
}

TEST_F(EventsDocumentsTest, RemindersGoOnceEachAWeekAndADayBeforeWithTheOwnProgramme) {
    const auto zoe = person("zoe", "commune:42168"), ana = person("ana", "commune:42168"),
               max = person("max", "commune:42168");
    join(zoe, {{slot_id, workshop}});
    join(ana, {});
    join(max, {});  // waiting: no reminder
    const auto count_reminders = [&](const std::string& subject) {
        return count("SELECT COUNT(*) FROM outbox WHERE subject = '" + subject + "Rencontres des badges'");
    };

    auto early = jobs::queue_event_reminders(*db_, starts - 8 * 86400, mail);
    ASSERT_TRUE(early.ok()) << early.failure().message;
    EXPECT_EQ(early.value(), 0);

    const auto week = starts - 6 * 86400;
    auto first = jobs::queue_event_reminders(*db_, week, mail);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_EQ(first.value(), 2);
    auto again = jobs::queue_event_reminders(*db_, week + 600, mail);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value(), 0) << "the job runs again: nothing twice";
    EXPECT_EQ(count_reminders("Dans une semaine : "), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'max@exemple.fr' AND subject LIKE 'Dans une%'"), 0);
    // Zoé's own programme: the plenary item and her workshop; Ana's slot is still open.
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'zoe@exemple.fr' AND subject LIKE 'Dans une%' AND "
                    "body_text LIKE '%Ouverture des journées%' AND body_text LIKE '%Atelier « Coopérer entre communes »%'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'ana@exemple.fr' AND subject LIKE 'Dans une%' AND "
                    "body_text LIKE '%Ateliers du matin : atelier pas encore choisi%'"),
              1);

    const auto eve = starts - 3600 * 20;
    EXPECT_EQ(jobs::queue_event_reminders(*db_, eve, mail).value(), 2);
    EXPECT_EQ(jobs::queue_event_reminders(*db_, eve + 60, mail).value(), 0);
    EXPECT_EQ(count_reminders("Demain : "), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_reminders"), 4);
    EXPECT_EQ(jobs::queue_event_reminders(*db_, starts + 60, mail).value(), 0) << "nothing once started";
}

// The certificate by e-mail: the PDF stored with the queued mail, sent once as an
// attachment; a second request within the quarter hour queues nothing.
TEST_F(EventsDocumentsTest, TheCertificateByEmailIsQueuedOnceWithThePdfAttached) {
    const auto zoe = person("zoe", "commune:42168");
    const auto z = join(zoe, {{slot_id, workshop}});
    ASSERT_TRUE(services::check_in(*db_, 0, "badges-test", "", z).ok());
    auto certificate = services::my_event_certificate(*db_, "badges-test", zoe.id);
    ASSERT_TRUE(certificate.ok()) << certificate.failure().message;
    std::string pdf = "%PDF-1.7\n";
    for (int i = 0; i < 1000; ++i) pdf += static_cast<char>(i % 256);

    const auto now = store::now_utc_seconds();
    auto first = services::mail_event_certificate(*db_, mail, certificate.value(), pdf, "attestation.pdf", now);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_EQ(first->recipient, certificate->registration.email);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox_attachments WHERE media_type = 'application/pdf'"), 1)
        << "the confirmation carries the .ics, this mail the PDF";

    auto again = services::mail_event_certificate(*db_, mail, certificate.value(), pdf, "attestation.pdf", now + 60);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::conflict);
    EXPECT_NE(again.failure().message.find("déjà été envoyée à " + paris_time::time_of_day(now)), std::string::npos)
        << again.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%attestation%'"), 1) << "nothing more queued";

    const auto folder = std::filesystem::temp_directory_path() / ("ateliers-certmail-" + std::to_string(getpid()));
    std::filesystem::remove_all(folder);
    jobs::MailSettings settings;
    settings.mail_dir = folder.string();
    ASSERT_TRUE(jobs::deliver_pending(*db_, settings, 50).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox_attachments"), 0) << "dropped once sent";

    int with_pdf = 0;
    for (const auto& f : std::filesystem::directory_iterator(folder)) {
        std::ifstream in(f.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const auto m = text.str();
        const auto part = m.find("Content-Type: application/pdf\r\n");
        if (part == std::string::npos) continue;
        ++with_pdf;
        EXPECT_NE(m.find("filename=\"attestation.pdf\""), std::string::npos);
        const auto start = m.find("\r\n\r\n", part) + 4;
        EXPECT_EQ(jobs::base64_decode(m.substr(start, m.find("--", start) - start)), pdf) << "byte for byte";
    }
    EXPECT_EQ(with_pdf, 1);
    std::filesystem::remove_all(folder);

    auto later = services::mail_event_certificate(*db_, mail, certificate.value(), pdf, "attestation.pdf",
                                                  now + events::certificate_mail_interval_seconds);
    EXPECT_TRUE(later.ok()) << "a lost e-mail may be asked for again later";
}
