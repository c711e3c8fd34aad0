// The back office's programme forms: typed dates and hours in Paris time, slugs, the
// shift of a duplicated event, and a French message per field for each bad input.
#include <gtest/gtest.h>

#include "features/events/domain/programme_editing.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"

namespace ev = ateliers::events;
namespace pt = ateliers::paris_time;

namespace {

const auto day1_9h = pt::to_utc(2027, 11, 25, 9, 0);
const auto day2_17h = pt::to_utc(2027, 11, 26, 17, 30);
const ev::Span event{day1_9h, day2_17h};
const std::vector<ev::SlotSpan> slots{{7, "Ateliers du jeudi", {pt::to_utc(2027, 11, 25, 13, 45), pt::to_utc(2027, 11, 25, 15, 30)}},
                                      {8, "Ateliers du vendredi", {pt::to_utc(2027, 11, 26, 9, 15), pt::to_utc(2027, 11, 26, 12, 0)}}};

ev::EventForm good_event() {
    return {"Journées des Territoires 2027", "", "journees", "25/11/2027", "9:00", "2027-11-26", "17h30",
            "Halle Pajol", "20 esplanade Nathalie Sarraute, Paris", "Oui", "Déjeuners", "", "250", "", "", "UNADEL", ""};
}

}  // namespace

TEST(EventProgrammeEditing, TimesAsPeopleTypeThem) {
    EXPECT_EQ(ev::parse_time_of_day("9:15"), 9 * 60 + 15);
    EXPECT_EQ(ev::parse_time_of_day("09h15"), 9 * 60 + 15);
    EXPECT_EQ(ev::parse_time_of_day("13 h 45"), 13 * 60 + 45);
    EXPECT_EQ(ev::parse_time_of_day("14h"), 14 * 60);
    EXPECT_FALSE(ev::parse_time_of_day("14"));
    EXPECT_FALSE(ev::parse_time_of_day("24:00"));
    EXPECT_FALSE(ev::parse_time_of_day("9:5"));
    EXPECT_FALSE(ev::parse_time_of_day("midi"));
}

TEST(EventProgrammeEditing, SlugsFromTitles) {
    EXPECT_EQ(ateliers::text::slug_of("Rencontres nationales des Territoires d'engagement"),
              "rencontres-nationales-des-territoires-d-engagement");
    EXPECT_EQ(ateliers::text::slug_of("Journées 2027 !"), "journees-2027");
    EXPECT_TRUE(ev::valid_event_slug("journees-2027"));
    EXPECT_FALSE(ev::valid_event_slug("Journées"));
    EXPECT_FALSE(ev::valid_event_slug("a--b"));
    EXPECT_FALSE(ev::valid_event_slug("-a"));
}

TEST(EventProgrammeEditing, ShiftKeepsParisHoursAcrossDaylightSaving) {
    const auto october = pt::to_utc(2027, 10, 20, 9, 30);  // summer time
    const auto moved = ev::shift_days(october, 14);         // winter time
    const auto local = pt::to_local(moved);
    EXPECT_EQ(local.day, 3);
    EXPECT_EQ(local.month, 11);
    EXPECT_EQ(local.hour, 9);
    EXPECT_EQ(local.minute, 30);
    EXPECT_NE(moved - october, 14 * 86400);  // one hour more: the clocks went back
    EXPECT_EQ(ev::shift_days(moved, -14), october);
    EXPECT_EQ(ev::shift_iso_date("2027-12-30", 3), "2028-01-02");
    EXPECT_EQ(ev::shift_iso_date("pas une date", 3), "pas une date");
}

TEST(EventProgrammeEditing, EventFormAcceptsAndDerivesTheSlug) {
    const auto check = ev::check_event_form(good_event());
    EXPECT_TRUE(check.problems.empty());
    EXPECT_EQ(check.slug, "journees-des-territoires-2027");
    EXPECT_EQ(check.starts_at, day1_9h);
    EXPECT_EQ(check.ends_at, day2_17h);
    EXPECT_EQ(check.capacity, 250);
}

TEST(EventProgrammeEditing, EventFormTellsEachFieldInFrench) {
    auto f = good_event();
    f.title = "";
    f.slug = "Pas Valide";
    f.kind = "fete";
    f.end_date = "24/11/2027";
    f.capacity = "beaucoup";
    const auto p = ev::check_event_form(f).problems;
    EXPECT_EQ(p.at("title"), "Donnez un titre à l’événement.");
    EXPECT_NE(p.at("slug").find("minuscules"), std::string::npos);
    EXPECT_EQ(p.at("kind"), "Choisissez le type d’événement.");
    EXPECT_EQ(p.at("end_date"), "L’événement doit finir après son début.");
    EXPECT_NE(p.at("capacity").find("nombre entier"), std::string::npos);
    f = good_event();
    f.start_date = "31/02/2027";
    EXPECT_TRUE(ev::check_event_form(f).problems.count("start_date"));
}

TEST(EventProgrammeEditing, DuplicateShiftInDays) {
    EXPECT_EQ(ev::check_duplicate_form({"Journées 2028", "", "364"}).days, 364);
    EXPECT_EQ(ev::check_duplicate_form({"Journées 2028", "", "364"}).slug, "journees-2028");
    EXPECT_EQ(ev::check_duplicate_form({"Journées 2026", "", "-7"}).days, -7);
    EXPECT_TRUE(ev::check_duplicate_form({"Copie", "", "0"}).problems.count("days"));
    EXPECT_TRUE(ev::check_duplicate_form({"Copie", "", "une semaine"}).problems.count("days"));
    EXPECT_TRUE(ev::check_duplicate_form({"", "", "7"}).problems.count("title"));
}

TEST(EventProgrammeEditing, SlotFormOverlapEndBeforeStartOutsideEvent) {
    EXPECT_TRUE(ev::check_slot_form({"Ateliers du soir", "", "25/11/2027", "16:00", "17:30"}, 0, event, slots).problems.empty());
    const auto overlap = ev::check_slot_form({"Chevauche", "", "25/11/2027", "15:00", "16:00"}, 0, event, slots).problems;
    EXPECT_NE(overlap.at("start_time").find("Ateliers du jeudi"), std::string::npos);
    const auto reversed = ev::check_slot_form({"À l’envers", "", "25/11/2027", "16:00", "15:45"}, 0, event, slots).problems;
    EXPECT_EQ(reversed.at("end_time"), "Le créneau doit finir après son début.");
    const auto outside = ev::check_slot_form({"Trop tard", "", "27/11/2027", "9:00", "10:00"}, 0, event, slots).problems;
    EXPECT_EQ(outside.at("start_time"), "Le créneau doit se tenir pendant l’événement.");
    // Moving a slot onto its own former place is not an overlap with itself.
    EXPECT_TRUE(ev::check_slot_form({"Ateliers du jeudi", "", "25/11/2027", "14:00", "15:30"}, 7, event, slots).problems.empty());
    const auto missing = ev::check_slot_form({"", "", "", "", ""}, 0, event, slots).problems;
    for (const auto* f : {"title", "day", "start_time", "end_time"}) EXPECT_TRUE(missing.count(f)) << f;
}

TEST(EventProgrammeEditing, ItemFormWorkshopsAndPlenaryItems) {
    const auto workshop = ev::check_item_form({"workshop", "Coopérer", "", "Salle 2", "7", "", "", "", "30"}, event, slots, 0);
    EXPECT_TRUE(workshop.problems.empty());
    EXPECT_EQ(workshop.slot_id, 7);
    EXPECT_EQ(workshop.span.starts_at, slots[0].span.starts_at);
    EXPECT_EQ(workshop.capacity, 30);
    const auto plenary = ev::check_item_form({"plenary", "Ouverture", "", "", "", "25/11/2027", "9:30", "10:15", ""}, event, slots, 0);
    EXPECT_TRUE(plenary.problems.empty());
    EXPECT_EQ(plenary.span.starts_at, pt::to_utc(2027, 11, 25, 9, 30));
    EXPECT_EQ(plenary.span.ends_at, pt::to_utc(2027, 11, 25, 10, 15));
}

TEST(EventProgrammeEditing, ItemFormRefusalsInFrench) {
    // A workshop in a slot of another day than the one typed.
    auto p = ev::check_item_form({"workshop", "Coopérer", "", "", "8", "25/11/2027", "", "", ""}, event, slots, 0).problems;
    EXPECT_NE(p.at("slot_id").find("Ateliers du vendredi"), std::string::npos);
    EXPECT_NE(p.at("slot_id").find("vendredi 26 novembre 2027"), std::string::npos);
    // A workshop without a slot, a plenary item inside one.
    EXPECT_TRUE(ev::check_item_form({"workshop", "A", "", "", "", "", "", "", ""}, event, slots, 0).problems.count("slot_id"));
    EXPECT_TRUE(ev::check_item_form({"plenary", "A", "", "", "7", "", "", "", ""}, event, slots, 0).problems.count("slot_id"));
    EXPECT_TRUE(ev::check_item_form({"workshop", "A", "", "", "99", "", "", "", ""}, event, slots, 0).problems.count("slot_id"));
    // A capacity below the seats already taken: the capacity rule's own message.
    p = ev::check_item_form({"workshop", "A", "", "", "7", "", "", "", "3"}, event, slots, 5).problems;
    EXPECT_EQ(p.at("capacity"), ev::capacity_problem(3, 5));
    EXPECT_TRUE(ev::check_item_form({"workshop", "A", "", "", "7", "", "", "", "-3"}, event, slots, 0).problems.count("capacity"));
    // No limit is still below nothing.
    EXPECT_TRUE(ev::check_item_form({"workshop", "A", "", "", "7", "", "", "", ""}, event, slots, 5).problems.empty());
    // A plenary item ending before it starts, or outside the event.
    p = ev::check_item_form({"round_table", "Table ronde", "", "", "", "25/11/2027", "11:00", "10:00", ""}, event, slots, 0).problems;
    EXPECT_EQ(p.at("end_time"), "L’intervention doit finir après son début.");
    p = ev::check_item_form({"plenary", "Trop tôt", "", "", "", "24/11/2027", "11:00", "", ""}, event, slots, 0).problems;
    EXPECT_EQ(p.at("start_time"), "L’intervention doit se tenir pendant l’événement.");
    EXPECT_TRUE(ev::check_item_form({"cocktail", "", "", "", "", "", "", "", ""}, event, slots, 0).problems.count("kind"));
}

TEST(EventProgrammeEditing, SpeakerFormExistingOrNew) {
    EXPECT_TRUE(ev::check_speaker_form({"4", "", "", "", "moderator"}, {3, 4}).empty());
    EXPECT_TRUE(ev::check_speaker_form({"", "Claude Grivel", "", "UNADEL", "moderator"}, {}).empty());
    EXPECT_TRUE(ev::check_speaker_form({"9", "", "", "", "speaker"}, {3, 4}).count("speaker_id"));
    EXPECT_TRUE(ev::check_speaker_form({"", "", "", "", "speaker"}, {}).count("full_name"));
    EXPECT_TRUE(ev::check_speaker_form({"", "X", "", "", "chef"}, {}).count("role"));
}
