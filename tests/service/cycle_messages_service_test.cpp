// Organisers write to the people of a cycle: one outbox row per person of the
// chosen audience, the audit entry in the same transaction, French refusals.
#include "running_cycle_fixture.hpp"
#include "features/cycles/services/cycle_messages.hpp"

using namespace ateliers;
using cycle_message::Audience;

namespace {

class CycleMessagesTest : public test_support::RunningCycleTest {
protected:
    void SetUp() override {
        RunningCycleTest::SetUp();
        enrol_many(5);
        set_status(people_[3].registration, "waiting");
        set_status(people_[4].registration, "cancelled");  // never written to
        soci::session sql(db_->pool());
        sql << "DELETE FROM outbox";  // what setting up the cycle sent
    }

    struct Row {
        std::string recipient, subject, text, html;
    };
    std::vector<Row> outbox() {
        std::vector<Row> out;
        soci::session sql(db_->pool());
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT recipient, subject, body_text, body_html FROM outbox ORDER BY recipient");
        for (const auto& r : rows)
            out.push_back({store::as_text(r, 0), store::as_text(r, 1), store::as_text(r, 2), store::as_text(r, 3)});
        return out;
    }
};

}  // namespace

TEST_F(CycleMessagesTest, CountsWhoEachAudienceReaches) {
    auto a = services::message_audiences(*db_, slug_);
    ASSERT_TRUE(a.ok() && a.value());
    EXPECT_EQ(a.value()->counts.at(Audience::confirmed), 3);
    EXPECT_EQ(a.value()->counts.at(Audience::waiting), 1);
    EXPECT_EQ(a.value()->counts.at(Audience::all), 4) << "the cancelled registration is left out";
    auto none = services::message_audiences(*db_, "inconnu");
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none.value().has_value());
}

TEST_F(CycleMessagesTest, OneMailPerConfirmedPersonAndAnAuditEntry) {
    const cycle_message::Draft draft{"  Séance 2 : nouveau lien  ",
                                     "La séance 2 change de salle.\nMême heure.\n\nÀ bientôt !", "confirmes"};
    auto sent = services::send_cycle_message(*db_, organiser_, slug_, draft, mail_);
    ASSERT_TRUE(sent.ok()) << sent.failure().message;
    EXPECT_EQ(sent.value(), 3);
    const auto rows = outbox();
    ASSERT_EQ(rows.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(rows[i].recipient, people_[i].email);
        EXPECT_EQ(rows[i].subject, "Séance 2 : nouveau lien");
        EXPECT_EQ(rows[i].text.rfind("Bonjour " + people_[i].name + ",", 0), 0u) << rows[i].text;
        EXPECT_NE(rows[i].text.find("La séance 2 change de salle.\nMême heure.\n\nÀ bientôt !"), std::string::npos)
            << rows[i].text;
        EXPECT_NE(rows[i].text.find("https://ateliers.example/cycles/" + slug_), std::string::npos);
        EXPECT_NE(rows[i].html.find("À bientôt !"), std::string::npos);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.message' AND target = 'cycle:" + slug_ +
                    "' AND details LIKE '%3 personnes (Inscriptions confirmées)%'"),
              1);
}

TEST_F(CycleMessagesTest, TheWaitingListOrEveryone) {
    ASSERT_EQ(services::send_cycle_message(*db_, organiser_, slug_, {"Liste d’attente", "Une place se libère peut-être.", "attente"}, mail_)
                  .value(),
              1);
    EXPECT_EQ(outbox().front().recipient, people_[3].email);
    ASSERT_EQ(services::send_cycle_message(*db_, organiser_, slug_, {"À tous", "Bonne année.", "tous"}, mail_).value(), 4);
    EXPECT_EQ(outbox().size(), 5u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + people_[4].email + "'"), 0);
}

TEST_F(CycleMessagesTest, RefusedWithFrenchMessagesAndNothingQueued) {
    auto invalid = services::send_cycle_message(*db_, organiser_, slug_, {"", "Texte", "personne"}, mail_);
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.failure().kind, FailureKind::invalid);
    EXPECT_EQ(invalid.failure().field, "destinataires");
    EXPECT_EQ(invalid.failure().fields.size(), 2u);
    EXPECT_EQ(invalid.failure().fields.at("objet"), "Indiquez l’objet du message.");

    set_status(people_[3].registration, "confirmed");
    auto nobody = services::send_cycle_message(*db_, organiser_, slug_, {"Objet", "Texte", "attente"}, mail_);
    ASSERT_FALSE(nobody.ok());
    EXPECT_EQ(nobody.failure().kind, FailureKind::conflict);
    EXPECT_EQ(nobody.failure().field, "destinataires");

    auto unknown = services::send_cycle_message(*db_, organiser_, "inconnu", {"Objet", "Texte", "tous"}, mail_);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::not_found);
    EXPECT_TRUE(outbox().empty());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.message'"), 0);
}
