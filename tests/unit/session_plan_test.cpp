#include "features/running/domain/session_plan.hpp"

#include <gtest/gtest.h>

namespace ateliers::session_plan {
namespace {

constexpr std::int64_t minute = 60'000;
constexpr std::int64_t t0 = 1'900'000'000'000;  // some instant, in ms

std::vector<Phase> codev() {
    return {{"accueil", "Accueil et météo", 15, false},     {"expose", "Exposé du client", 10, true},
            {"consultation", "Consultation", 25, true},     {"synthese", "Synthèse et plan d’action", 10, true},
            {"cloture", "Clôture", 10, false}};
}

LiveState at(int index, std::int64_t started) { return LiveState{index, started, std::nullopt, 0}; }

TEST(SessionPlanValidation, AcceptsTheDefaultShape) { EXPECT_TRUE(validate(codev()).ok()); }

TEST(SessionPlanValidation, NamesEachFaultyField) {
    struct Case {
        std::vector<Phase> phases;
        std::string field;
        std::string message_part;
    };
    const std::vector<Case> cases = {
        {{{"a", "  ", 10, false}}, "phase_title_0", "Indiquez le titre de l’étape 1"},
        {{{"a", "Accueil", 0, false}}, "phase_minutes_0", "entre 1 et 240 minutes"},
        {{{"a", "Accueil", 241, false}}, "phase_minutes_0", "entre 1 et 240 minutes"},
        {{{"a", "Accueil", 240, false}, {"b", "Bilan", -5, false}}, "phase_minutes_1", "l’étape 2"},
        {{{"a", std::string(121, 'x'), 10, false}}, "phase_title_0", "dépasse 120 caractères"},
    };
    for (const auto& c : cases) {
        const auto result = validate(c.phases);
        ASSERT_FALSE(result.ok()) << c.field;
        EXPECT_EQ(result.failure().field, c.field);
        EXPECT_NE(result.failure().message.find(c.message_part), std::string::npos) << result.failure().message;
        EXPECT_TRUE(result.failure().fields.count(c.field));
    }
}

TEST(SessionPlanValidation, EveryProblemIsListedAndTheFirstIsTheSummary) {
    const auto result = validate({{"a", "", 0, false}, {"b", "Ok", 10, false}, {"c", "", 10, false}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().fields.size(), 3u);
    EXPECT_EQ(result.failure().field, "phase_title_0");
}

TEST(SessionPlanValidation, BetweenOneAndTwentyPhases) {
    EXPECT_FALSE(validate({}).ok());
    std::vector<Phase> many(20, Phase{"", "Étape", 5, false});
    EXPECT_TRUE(validate(many).ok());
    many.push_back(many.back());
    const auto result = validate(many);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.failure().message.find("au plus 20 étapes"), std::string::npos);
}

TEST(SessionPlanDuration, WarnsOnlyWhenTheTotalDiffers) {
    auto phases = codev();  // 70 min
    EXPECT_EQ(total_minutes(phases), 70);
    EXPECT_EQ(duration_warning(phases, 70), "");
    EXPECT_EQ(duration_warning(phases, 120),
              "Le plan dure 1 h 10 alors que la séance dure 2 h : il reste 50 min sans étape.");
    phases.push_back({"x", "Débordement", 60, false});
    EXPECT_EQ(duration_warning(phases, 120), "Le plan dure 2 h 10 alors que la séance dure 2 h : 10 min de trop.");
    EXPECT_EQ(duration_warning(phases, 0), "") << "no known duration, no warning";
}

TEST(SessionPlanJson, RoundTripsAndKeepsOrder) {
    const auto phases = codev();
    const auto text = phases_to_json(phases);
    EXPECT_EQ(text.rfind(R"([{"key":"accueil","title":"Accueil et météo","minutes":15,"in_groups":false})", 0), 0u)
        << text;
    const auto back = phases_from_json(text);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->size(), phases.size());
    for (std::size_t i = 0; i < phases.size(); ++i) {
        EXPECT_EQ(back.value()[i].key, phases[i].key);
        EXPECT_EQ(back.value()[i].title, phases[i].title);
        EXPECT_EQ(back.value()[i].minutes, phases[i].minutes);
        EXPECT_EQ(back.value()[i].in_groups, phases[i].in_groups);
    }
    EXPECT_FALSE(phases_from_json("{").ok());
    EXPECT_FALSE(phases_from_json(R"({"key":"a"})").ok());
    EXPECT_FALSE(phases_from_json("[1]").ok());
}

TEST(SessionPlanJson, InstructionsRoundTripAndMayBeMissing) {
    auto phases = codev();
    phases[1].instructions = "Le client expose sa situation en 10 minutes ; les autres écoutent.";
    const auto text = phases_to_json(phases);
    EXPECT_NE(text.find(R"("instructions":"Le client expose sa situation en 10 minutes ; les autres écoutent.")"),
              std::string::npos)
        << text;
    const auto back = phases_from_json(text);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value()[1].instructions, phases[1].instructions);
    EXPECT_EQ(back.value()[0].instructions, "") << "a phase without instructions reads back empty";
    const auto old = phases_from_json(R"([{"key":"a","title":"Accueil","minutes":10,"in_groups":false}])");
    ASSERT_TRUE(old.ok()) << "plans saved before instructions existed still read";
    EXPECT_EQ(old.value()[0].instructions, "");
}

TEST(SessionPlanValidation, InstructionsFitOnAPhone) {
    auto phases = codev();
    phases[2].instructions = std::string(600, 'x');
    EXPECT_TRUE(validate(phases).ok());
    phases[2].instructions = std::string(400, 'x') + std::string(201, 'y');
    const auto result = validate(phases);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().field, "phase_instructions_2");
    EXPECT_NE(result.failure().message.find("Les consignes de l’étape 3 dépassent 600 caractères"), std::string::npos)
        << result.failure().message;
    // Counted in characters, not bytes: 600 accented letters are fine.
    std::string accents;
    for (int i = 0; i < 600; ++i) accents += "é";
    phases[2].instructions = accents;
    EXPECT_TRUE(validate(phases).ok());
}

TEST(SessionPlanKeys, AddedAndDuplicatedPhasesGetUniqueKeys) {
    std::vector<Phase> phases = {{"consultation", "A", 5, false}, {"", "B", 5, false},
                                 {"consultation", "C", 5, false}, {"etape-1", "D", 5, false}};
    assign_missing_keys(phases);
    EXPECT_EQ(phases[0].key, "consultation");
    EXPECT_EQ(phases[1].key, "etape-2");
    EXPECT_EQ(phases[2].key, "etape-3");
    EXPECT_EQ(phases[3].key, "etape-1");
}

TEST(SessionPlanTiming, CountsDownAndGoesIntoOvertime) {
    const auto phases = codev();
    struct Case {
        LiveState state;
        std::int64_t now;
        Stage stage;
        std::int64_t elapsed, remaining;
    };
    const std::vector<Case> cases = {
        {LiveState{}, t0, Stage::not_started, 0, 0},
        {at(0, t0), t0, Stage::running, 0, 15 * minute},
        {at(0, t0), t0 + 4 * minute, Stage::running, 4 * minute, 11 * minute},
        {at(1, t0), t0 + 12 * minute, Stage::running, 12 * minute, -2 * minute},
        // Paused 3 minutes after the start: time stands still.
        {LiveState{0, t0, t0 + 3 * minute, 0}, t0 + 50 * minute, Stage::paused, 3 * minute, 12 * minute},
        // An earlier pause of 5 minutes is not counted.
        {LiveState{0, t0, std::nullopt, 5 * minute}, t0 + 7 * minute, Stage::running, 2 * minute, 13 * minute},
        {at(5, t0), t0, Stage::ended, 0, 0},
        // A clock slightly behind the start (another server) never shows negative elapsed time.
        {at(0, t0), t0 - 500, Stage::running, 0, 15 * minute},
    };
    for (const auto& c : cases) {
        const auto t = timing(phases, c.state, c.now);
        EXPECT_EQ(t.stage, c.stage) << stage_name(c.stage);
        EXPECT_EQ(t.elapsed_ms, c.elapsed) << stage_name(c.stage);
        EXPECT_EQ(t.remaining_ms, c.remaining) << stage_name(c.stage);
        EXPECT_EQ(t.phase_index.has_value(), c.stage == Stage::running || c.stage == Stage::paused);
    }
}

TEST(SessionPlanTransitions, AFullSession) {
    const auto phases = codev();
    auto s = apply(Transition::start, phases, LiveState{}, t0);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->phase_index, 0);
    EXPECT_EQ(s->phase_started_at_ms, t0);

    s = apply(Transition::pause, phases, s.value(), t0 + 2 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(stage_of(s.value(), phases.size()), Stage::paused);
    s = apply(Transition::resume, phases, s.value(), t0 + 5 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->paused_total_ms, 3 * minute);
    EXPECT_FALSE(s->paused_at_ms);
    EXPECT_EQ(timing(phases, s.value(), t0 + 6 * minute).remaining_ms, 12 * minute);

    s = apply(Transition::next, phases, s.value(), t0 + 20 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->phase_index, 1);
    EXPECT_EQ(s->paused_total_ms, 0) << "a new phase starts with a clean clock";
    s = apply(Transition::previous, phases, s.value(), t0 + 21 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->phase_index, 0);
    EXPECT_EQ(s->phase_started_at_ms, t0 + 21 * minute);

    for (int i = 0; i < 4; ++i) s = apply(Transition::next, phases, s.value(), t0 + 30 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->phase_index, 4);
    s = apply(Transition::end, phases, s.value(), t0 + 90 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(stage_of(s.value(), phases.size()), Stage::ended);
    // Ended by mistake: going back reopens the last phase.
    s = apply(Transition::previous, phases, s.value(), t0 + 91 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->phase_index, 4);
}

TEST(SessionPlanTransitions, RefusedWithAFrenchReason) {
    const auto phases = codev();
    const LiveState not_started{};
    const LiveState running = at(2, t0);
    const LiveState paused{2, t0, t0 + minute, 0};
    const LiveState first = at(0, t0);
    const LiveState last = at(4, t0);
    const LiveState ended = at(5, t0);
    struct Case {
        Transition transition;
        LiveState state;
        std::string message;
    };
    const std::vector<Case> cases = {
        {Transition::pause, not_started, "La séance n’a pas commencé."},
        {Transition::next, not_started, "La séance n’a pas commencé."},
        {Transition::previous, not_started, "La séance n’a pas commencé."},
        {Transition::end, not_started, "La séance n’a pas commencé."},
        {Transition::resume, not_started, "La séance n’a pas commencé."},
        {Transition::start, running, "La séance a déjà commencé."},
        {Transition::start, ended, "La séance est terminée."},
        {Transition::pause, paused, "La séance est déjà en pause."},
        {Transition::resume, running, "La séance n’est pas en pause."},
        {Transition::previous, first, "C’est la première étape."},
        {Transition::next, last, "C’est la dernière étape : pour finir, choisissez « Terminer la séance »."},
        {Transition::next, ended, "La séance est terminée."},
        {Transition::end, ended, "La séance est déjà terminée."},
    };
    for (const auto& c : cases) {
        const auto r = apply(c.transition, phases, c.state, t0 + minute);
        ASSERT_FALSE(r.ok()) << c.message;
        EXPECT_EQ(r.failure().message, c.message);
        EXPECT_EQ(r.failure().kind, FailureKind::conflict);
    }
    EXPECT_FALSE(apply(Transition::start, {}, not_started, t0).ok());
}

TEST(SessionPlanTransitions, NextWhilePausedStartsTheNextPhaseRunning) {
    const auto phases = codev();
    const auto s = apply(Transition::next, phases, LiveState{1, t0, t0 + minute, 0}, t0 + 3 * minute);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->phase_index, 2);
    EXPECT_FALSE(s->paused_at_ms);
}

TEST(SessionPlanTransitions, ParsesNames) {
    EXPECT_EQ(parse_transition("start"), Transition::start);
    EXPECT_EQ(parse_transition("previous"), Transition::previous);
    EXPECT_FALSE(parse_transition("restart"));
}

TEST(SessionPlanRules, PostsOnlyDuringTheConsultation) {
    const auto phases = codev();
    EXPECT_FALSE(accepts_posts(phases, LiveState{}));
    EXPECT_FALSE(accepts_posts(phases, at(1, t0)));
    EXPECT_TRUE(accepts_posts(phases, at(2, t0)));
    EXPECT_TRUE(accepts_posts(phases, LiveState{2, t0, t0 + minute, 0})) << "paused consultation";
    EXPECT_FALSE(accepts_posts(phases, at(3, t0)));
    EXPECT_FALSE(accepts_posts(phases, at(5, t0)));
}

TEST(SessionPlanRules, LeadsFromTheSynthesisOn) {
    const auto phases = codev();
    EXPECT_FALSE(accepts_leads(phases, LiveState{}));
    EXPECT_FALSE(accepts_leads(phases, at(2, t0)));
    EXPECT_TRUE(accepts_leads(phases, at(3, t0)));
    EXPECT_TRUE(accepts_leads(phases, at(4, t0)));
    EXPECT_TRUE(accepts_leads(phases, at(5, t0)));
    const std::vector<Phase> custom = {{"etape-1", "Tout", 120, true}};
    EXPECT_TRUE(accepts_leads(custom, at(0, t0))) << "no synthesis phase: from the start";
}

}  // namespace
}  // namespace ateliers::session_plan
