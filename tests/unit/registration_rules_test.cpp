#include <gtest/gtest.h>

#include "features/cycles/domain/cycle_format.hpp"
#include "platform/core/paris_time.hpp"
#include "features/registration/domain/registration_rules.hpp"
#include "features/cycles/domain/reminders.hpp"

using namespace ateliers;
using registration::Mode;
using RegStatus = registration::Status;

TEST(RegistrationRules, InitialStatusByModeAndSeats) {
    struct Case {
        Mode mode;
        int capacity, confirmed;
        RegStatus expected;
    } cases[] = {{Mode::first_come, 15, 0, RegStatus::confirmed},  {Mode::first_come, 15, 14, RegStatus::confirmed},
                 {Mode::first_come, 15, 15, RegStatus::waiting},   {Mode::first_come, 0, 0, RegStatus::waiting},
                 {Mode::application, 15, 0, RegStatus::applied},  {Mode::application, 15, 15, RegStatus::applied}};
    for (const auto& c : cases)
        EXPECT_EQ(registration::initial_status(c.mode, c.capacity, c.confirmed), c.expected)
            << c.capacity << "/" << c.confirmed;
}

TEST(RegistrationRules, CollectivitePlaceHeldByConfirmedAndFirstComeWaiting) {
    EXPECT_TRUE(registration::holds_collectivite_place(Mode::first_come, RegStatus::confirmed));
    EXPECT_TRUE(registration::holds_collectivite_place(Mode::first_come, RegStatus::waiting));
    EXPECT_FALSE(registration::holds_collectivite_place(Mode::application, RegStatus::applied));
    EXPECT_FALSE(registration::holds_collectivite_place(Mode::application, RegStatus::waiting));
    EXPECT_TRUE(registration::holds_collectivite_place(Mode::application, RegStatus::confirmed));
    EXPECT_FALSE(registration::holds_collectivite_place(Mode::first_come, RegStatus::cancelled));
}

TEST(RegistrationRules, WindowAndAvailability) {
    using registration::Window;
    EXPECT_EQ(registration::window_state(100, 200, 0, 50), Window::not_yet_open);
    EXPECT_EQ(registration::window_state(100, 200, 0, 100), Window::open);
    EXPECT_EQ(registration::window_state(100, 200, 0, 200), Window::closed);
    EXPECT_EQ(registration::window_state(0, 0, 0, 50), Window::open);
    EXPECT_EQ(registration::availability(Window::open, Mode::first_come, 15, 15), registration::Availability::full);
    EXPECT_EQ(registration::availability(Window::open, Mode::application, 15, 15), registration::Availability::open);
    EXPECT_EQ(registration::availability(Window::closed, Mode::first_come, 15, 3), registration::Availability::closed);
}

TEST(RegistrationRules, RegistrationClosesOnceTheFirstSessionHasStarted) {
    using registration::Window;
    struct Case {
        std::int64_t opens, closes, first_session, now;
        Window expected;
    } cases[] = {
        {0, 0, 1000, 999, Window::open},           // no window: open until the first session…
        {0, 0, 1000, 1000, Window::closed},        // …closed as it starts,
        {0, 0, 1000, 5000, Window::closed},        // and after
        {0, 2000, 1000, 1500, Window::closed},     // a window closing after the start does not reopen it
        {0, 800, 1000, 900, Window::closed},       // the window's own close still counts
        {1200, 0, 1000, 1100, Window::closed},     // an opening planned after the start never comes
        {500, 900, 1000, 600, Window::open},
        {0, 0, 0, 5000, Window::open},             // no session planned yet
    };
    for (const auto& c : cases)
        EXPECT_EQ(registration::window_state(c.opens, c.closes, c.first_session, c.now), c.expected)
            << c.opens << " " << c.closes << " " << c.first_session << " " << c.now;
}

TEST(RegistrationRules, PersonalStatusSaysWhereThePersonStands) {
    EXPECT_EQ(registration::personal_status_label(RegStatus::confirmed, 0), "Vous êtes inscrit·e");
    EXPECT_EQ(registration::personal_status_label(RegStatus::waiting, 3), "Sur liste d’attente (position 3)");
    EXPECT_EQ(registration::personal_status_label(RegStatus::applied, 0), "Candidature reçue");
    EXPECT_EQ(registration::personal_status_label(RegStatus::cancelled, 0), "");
    EXPECT_EQ(registration::personal_status_label(RegStatus::declined, 0), "");
}

TEST(CycleFormat, ASessionCannotBePlacedOrMovedInThePast) {
    const std::int64_t now = paris_time::to_utc(2026, 12, 1, 9, 0);
    const auto yesterday = now - 86400, tomorrow = now + 86400;
    EXPECT_TRUE(cycle_format::placed_in_past(yesterday, 0, now)) << "a new session in the past";
    EXPECT_FALSE(cycle_format::placed_in_past(tomorrow, 0, now)) << "a new session ahead";
    EXPECT_FALSE(cycle_format::placed_in_past(yesterday, yesterday, now)) << "a session already held keeps its date";
    EXPECT_TRUE(cycle_format::placed_in_past(yesterday - 3600, yesterday, now)) << "moved within the past";
    EXPECT_TRUE(cycle_format::placed_in_past(yesterday, tomorrow, now)) << "moved from ahead into the past";
    EXPECT_FALSE(cycle_format::placed_in_past(tomorrow, yesterday, now)) << "moved from the past to ahead";
    EXPECT_EQ(cycle_format::past_session_message(2, paris_time::to_utc(2026, 11, 26, 9, 30)),
              "Séance 2 : le jeudi 26 novembre 2026 à 9 h 30 est déjà passé. Choisissez une date à venir.");
}

TEST(RegistrationRules, FreeSeatIsTheSmallestUnused) {
    EXPECT_EQ(registration::free_seat(3, {}), 1);
    EXPECT_EQ(registration::free_seat(3, {1, 3}), 2);
    EXPECT_EQ(registration::free_seat(3, {1, 2, 3}), std::nullopt);
}

TEST(RegistrationRules, ValidationNeedsSituationFunctionMandateAndTheThreeCommitments) {
    registration::RegistrationInput ok{std::string(80, 'x'), "elu", "Maire", true, true, true};
    EXPECT_TRUE(registration::validate(ok).empty());
    auto short_situation = ok;
    short_situation.situation = std::string(79, 'x');
    EXPECT_EQ(registration::validate(short_situation).count("situation"), 1u);
    auto no_camera = ok;
    no_camera.commits_camera = false;
    EXPECT_EQ(registration::validate(no_camera).count("commitments"), 1u);
    auto bad_mandate = ok;
    bad_mandate.mandate = "";
    EXPECT_EQ(registration::validate(bad_mandate).count("mandate"), 1u);
}

TEST(CycleFormat, TheSourceCycleHasNoWarning) {
    // « Tensions » as published: Thursdays 17 Oct – 5 Dec 2024, 13:30–15:30.
    std::vector<registration::Interval> sessions;
    for (auto [m, d] : std::vector<std::pair<int, int>>{{10, 17}, {11, 7}, {11, 21}, {12, 5}})
        sessions.push_back({paris_time::to_utc(2024, m, d, 13, 30), paris_time::to_utc(2024, m, d, 15, 30)});
    EXPECT_TRUE(cycle_format::warnings(sessions).empty());
}

TEST(CycleFormat, DeparturesAreWarnedInFrench) {
    std::vector<registration::Interval> sessions;
    for (auto [m, d] : std::vector<std::pair<int, int>>{{10, 17}, {10, 24}, {10, 31}})
        sessions.push_back({paris_time::to_utc(2024, m, d, 18, 0), paris_time::to_utc(2024, m, d, 19, 0)});
    const auto w = cycle_format::warnings(sessions);
    auto has = [&](const char* part) {
        for (const auto& s : w)
            if (s.find(part) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has("4 séances"));
    EXPECT_TRUE(has("ne dure pas 2 heures"));
    EXPECT_TRUE(has("début de matinée"));
    EXPECT_TRUE(has("6 à 8 semaines"));
}

TEST(Reminders, TwoDaysThenOneHourBefore) {
    const std::int64_t start = 1'000'000;
    EXPECT_EQ(reminders::due(start, start - 3 * 86400), std::nullopt);
    EXPECT_EQ(reminders::due(start, start - 2 * 86400), reminders::Kind::two_days);
    EXPECT_EQ(reminders::due(start, start - 3601), reminders::Kind::two_days);
    EXPECT_EQ(reminders::due(start, start - 3600), reminders::Kind::one_hour);
    EXPECT_EQ(reminders::due(start, start), std::nullopt);
}
