// A registration's collectivité mark: ProConnect's evidence, then an organiser's word.
#include <gtest/gtest.h>

#include "features/identity/domain/collectivite_marks.hpp"

namespace id = ateliers::identity;
using Mark = id::CollectiviteMark;
using Review = id::CollectiviteReview;

TEST(CollectiviteMarks, TableOfEvidence) {
    struct Case {
        id::CollectiviteEvidence evidence;
        Mark mark;
        const char* label;
    } cases[] = {
        {{"commune:42168", "commune:42168", std::nullopt}, Mark::verified, "vérifiée"},
        {{"commune:42168", "", std::nullopt}, Mark::declared, "déclarée"},                     // no ProConnect
        {{"commune:42168", "commune:42056", std::nullopt}, Mark::declared, "déclarée"},        // another employer
        {{"commune:42168", "epci:244200895", std::nullopt}, Mark::declared, "déclarée"},       // its EPCI: exact only
        {{"commune:42168", "", Review::confirmed}, Mark::confirmed, "confirmée"},              // an élu, confirmed
        {{"commune:42168", "commune:42168", Review::contested}, Mark::contested, "contestée"}, // organiser wins
        {{"commune:42168", "commune:42056", Review::confirmed}, Mark::confirmed, "confirmée"},
    };
    for (const auto& c : cases) {
        const auto mark = id::collectivite_mark(c.evidence);
        EXPECT_EQ(mark, c.mark) << c.evidence.declared_id << " / " << c.evidence.proconnect_id;
        EXPECT_EQ(id::collectivite_mark_label(mark), c.label);
    }
}

TEST(CollectiviteMarks, ReviewCodesRoundTrip) {
    for (auto r : {Review::confirmed, Review::contested})
        EXPECT_EQ(id::parse_collectivite_review(id::collectivite_review_code(r)), r);
    EXPECT_FALSE(id::parse_collectivite_review("").has_value());
    EXPECT_FALSE(id::parse_collectivite_review("verified").has_value());
    EXPECT_EQ(id::collectivite_mark_code(Mark::declared), "declared");
}
