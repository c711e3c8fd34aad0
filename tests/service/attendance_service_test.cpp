#include "running_cycle_fixture.hpp"
#include "features/running/services/attendance.hpp"
#include "features/running/services/breakout_planning.hpp"

using namespace ateliers;
using attendance::Presence;

namespace {

class AttendanceTest : public test_support::RunningCycleTest {
protected:
    void SetUp() override {
        RunningCycleTest::SetUp();
        enrol("Anne Arnaud", "elu");
        enrol("Bruno Bel", "agent");
        enrol_many(8);  // 10 participants
    }

    // Everyone present but the given exceptions.
    std::map<long long, Presence> roll_call(const std::map<long long, Presence>& exceptions = {}) {
        std::map<long long, Presence> out;
        for (const auto& p : people_) out[p.registration] = Presence::present;
        for (const auto& [reg, status] : exceptions) out[reg] = status;
        return out;
    }

    Result<services::AttendanceOutcome> record(int number, const std::map<long long, Presence>& entries,
                                               long long now) {
        return services::record_attendance(*db_, organiser_, slug_, number, entries, mail_, now);
    }

    struct Mail {
        std::string subject, text;
    };
    std::vector<Mail> mails_to(const std::string& recipient) {
        std::vector<Mail> out;
        soci::session sql(db_->pool());
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT subject, body_text FROM outbox WHERE recipient = :r ORDER BY id",
             soci::use(recipient));
        for (const auto& r : rows) out.push_back({store::as_text(r, 0), store::as_text(r, 1)});
        return out;
    }
};

}  // namespace

TEST_F(AttendanceTest, RecordsEveryStatusAndComputesTheRates) {
    const long long anne = people_[0].registration, bruno = people_[1].registration;
    auto first = record(1, roll_call({{anne, Presence::absent}, {bruno, Presence::excused}}), during(2));
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_EQ(first->changed, 10);
    auto second = record(2, roll_call({{anne, Presence::absent}}), during(2));
    ASSERT_TRUE(second.ok()) << second.failure().message;

    auto one = services::session_attendance(*db_, slug_, 1, during(2));
    ASSERT_TRUE(one.ok() && one.value());
    const auto& c = one.value()->counts;
    EXPECT_EQ(c.confirmed, 10);
    EXPECT_EQ(c.present, 8);
    EXPECT_EQ(c.excused, 1);
    EXPECT_EQ(c.absent, 1);
    EXPECT_EQ(c.unrecorded, 0);
    EXPECT_EQ(c.rate, 80);
    EXPECT_TRUE(one.value()->started);

    auto cycle = services::cycle_attendance(*db_, slug_, during(2));
    ASSERT_TRUE(cycle.ok() && cycle.value());
    const auto& a = *cycle.value();
    EXPECT_EQ(a.held, 2);
    EXPECT_EQ(a.counted, 2);
    EXPECT_EQ(a.attended, 8 + 9);
    EXPECT_EQ(a.expected, 20);
    EXPECT_EQ(a.rate, 85);
    ASSERT_EQ(a.sessions.size(), 4u);
    EXPECT_EQ(a.sessions[1].counts.rate, 90);
    EXPECT_FALSE(a.sessions[2].held);
    EXPECT_EQ(a.sessions[2].counts.confirmed, 0) << "sessions to come are not counted";
    for (const auto& p : a.participants) {
        EXPECT_EQ(p.counted, 2);
        if (p.participant.registration_id == anne) {
            EXPECT_EQ(p.attended, 0);
            EXPECT_EQ(p.rate, 0);
        } else if (p.participant.registration_id == bruno) {
            EXPECT_EQ(p.attended, 1);
            EXPECT_EQ(p.rate, 50);
            EXPECT_EQ(p.statuses[0], Presence::excused);
        } else {
            EXPECT_EQ(p.rate, 100);
        }
        EXPECT_FALSE(p.statuses[3].has_value());
    }
    EXPECT_EQ(a.participants.front().participant.full_name, "Anne Arnaud") << "by name";

    // Session 3 has begun but its roll call is not taken yet (one absence noted in
    // advance does not make one): it does not drag the rates down.
    ASSERT_TRUE(record(3, {{bruno, Presence::excused}}, during(2)).ok());
    auto later = services::cycle_attendance(*db_, slug_, during(3));
    ASSERT_TRUE(later.ok() && later.value());
    EXPECT_EQ(later.value()->held, 3);
    EXPECT_EQ(later.value()->counted, 2);
    EXPECT_EQ(later.value()->rate, 85);
    EXPECT_TRUE(later.value()->sessions[2].held);
    EXPECT_FALSE(later.value()->sessions[2].counted);

    // Changing one record changes only that one.
    auto fix = record(1, {{bruno, Presence::present}}, during(2));
    ASSERT_TRUE(fix.ok());
    EXPECT_EQ(fix->changed, 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE status = 'present'"), 8 + 1 + 9);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'attendance.record'"), 4);
}

TEST_F(AttendanceTest, AnUnexcusedAbsenceIsMailedOnceKindlyWithTheNextSession) {
    ASSERT_TRUE(services::compose_groups(*db_, organiser_, slug_, 2, before_cycle()).ok());
    const auto& anne = people_[0];
    const auto& bruno = people_[1];
    auto done = record(1, roll_call({{anne.registration, Presence::absent}, {bruno.registration, Presence::excused}}),
                       during(1));
    ASSERT_TRUE(done.ok()) << done.failure().message;
    EXPECT_EQ(done->mails, 1);
    auto mails = mails_to(anne.email);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_NE(mails[0].subject.find("Vous nous avez manqué"), std::string::npos) << mails[0].subject;
    EXPECT_NE(mails[0].text.find("Bonjour Anne Arnaud"), std::string::npos);
    EXPECT_NE(mails[0].text.find("Vous nous avez manqué lors de la séance 1"), std::string::npos) << mails[0].text;
    EXPECT_NE(mails[0].text.find("jeudi 21 mars 2030 à 9 h 30"), std::string::npos) << mails[0].text;
    EXPECT_NE(mails[0].text.find("https://visio.example/s2"), std::string::npos) << mails[0].text;
    EXPECT_NE(mails[0].text.find("prévenez Inès Intervenante (ines@conseil.fr)"), std::string::npos)
        << mails[0].text;
    EXPECT_NE(mails[0].text.find("co-développement"), std::string::npos) << "what the group did";
    EXPECT_TRUE(mails_to(bruno.email).empty()) << "an excused absence gets no mail";
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE absence_mail_at IS NOT NULL"), 1);

    // Saved again, corrected and set back: never a second mail for that session.
    ASSERT_TRUE(record(1, {{anne.registration, Presence::absent}}, during(1)).ok());
    ASSERT_TRUE(record(1, {{anne.registration, Presence::present}}, during(1)).ok());
    auto again = record(1, {{anne.registration, Presence::absent}}, during(1));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->mails, 0);
    EXPECT_EQ(mails_to(anne.email).size(), 1u);

    // Another session is another mail; after the last one, no next date is promised.
    ASSERT_TRUE(record(4, {{anne.registration, Presence::absent}}, during(4)).ok());
    mails = mails_to(anne.email);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_NE(mails[1].text.find("C’était la dernière séance"), std::string::npos) << mails[1].text;
    EXPECT_EQ(mails[1].text.find("Lien de connexion"), std::string::npos);
}

TEST_F(AttendanceTest, BeforeASessionOnlyAnExcusedAbsenceCanBeRecordedAndNoMailGoes) {
    const auto& anne = people_[0];
    auto present = record(3, {{anne.registration, Presence::present}}, during(2));
    ASSERT_FALSE(present.ok());
    EXPECT_EQ(present.failure().kind, FailureKind::invalid);
    auto absent = record(3, {{anne.registration, Presence::absent}}, during(2));
    ASSERT_FALSE(absent.ok());
    auto excused = record(3, {{anne.registration, Presence::excused}}, during(2));
    ASSERT_TRUE(excused.ok()) << excused.failure().message;
    EXPECT_EQ(excused->mails, 0);
    EXPECT_TRUE(mails_to(anne.email).empty());
    auto view = services::session_attendance(*db_, slug_, 3, during(2));
    ASSERT_TRUE(view.ok() && view.value());
    EXPECT_FALSE(view.value()->started);
}

TEST_F(AttendanceTest, OnlyConfirmedParticipantsOfTheCycleCanBeRecorded) {
    const long long anne = people_[0].registration;
    set_status(anne, "cancelled");
    auto r = record(1, {{anne, Presence::present}}, during(1));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.failure().kind, FailureKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 0);
    auto view = services::session_attendance(*db_, slug_, 1, during(1));
    ASSERT_TRUE(view.ok() && view.value());
    EXPECT_EQ(view.value()->lines.size(), 9u);
    auto unknown = services::session_attendance(*db_, slug_, 9, during(1));
    ASSERT_TRUE(unknown.ok());
    EXPECT_FALSE(unknown.value().has_value());
    auto missing = record(9, {}, during(1));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}
