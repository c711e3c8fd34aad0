#pragma once
// The know-how grid (grille des savoir-faire) and its scoring, as pure functions.
// A grid is versioned data (data/programmes/grille-savoir-faire-vN.json): families,
// criteria, and one level scale with a descriptor per level. Answers always name the
// criterion of the version they were given against, so a new version never rewrites
// an old diagnostic; scores are compared across versions per family code, as a
// percentage of the maximum.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/core/result.hpp"

namespace ateliers::programmes {

struct GridLevel {
    int value = 0;
    std::string label;       // "Émergent"
    std::string descriptor;  // what the level looks like for a criterion in general
};

struct GridCriterion {
    long long id = 0;  // 0 until stored
    std::string code;  // "cooperer.1", stable within a version
    std::string family_code;
    std::string title;
    std::string description;
    std::vector<std::string> level_descriptors;  // one per level, lowest first
};

struct GridFamily {
    std::string code;  // "cooperer", stable across versions
    std::string title;
    std::string description;
};

struct Grid {
    long long id = 0;  // grid version id, 0 until stored
    int version = 1;
    std::string title;
    std::string notice;  // "grille par défaut, à remplacer par celle de l'agence"
    bool is_default = false;
    std::vector<GridLevel> levels;  // ascending, contiguous from 1
    std::vector<GridFamily> families;
    std::vector<GridCriterion> criteria;

    int min_level() const { return levels.empty() ? 0 : levels.front().value; }
    int max_level() const { return levels.empty() ? 0 : levels.back().value; }
};

// Reads and checks a grid document (the JSON of data/programmes/); the French message
// says what is wrong (unknown family of a criterion, levels not 1..N, a criterion without
// one descriptor per level…).
Result<Grid> parse_grid(const std::string& json_text);

// A stored version of the grid, as offered when an assessment starts.
struct GridVersionInfo {
    long long id = 0;
    int version = 0;
    std::string title;
};

// The version a new diagnostic or review is opened with. Every stored version is
// published; the newest (highest number) is the default. The ANCT (`may_choose`) may
// start on any stored version; anyone else gets the newest, so a form built before a
// newer version was loaded is refused (conflict: reload) rather than started on the old
// one. An assessment already started keeps its own version: this rule is not asked then.
Result<long long> grid_for_new_assessment(const std::vector<GridVersionInfo>& versions,
                                          std::optional<long long> requested, bool may_choose);

// One answer about a criterion, as given in a diagnostic or a review.
struct LevelAnswer {
    long long criterion_id = 0;
    long long grid_version_id = 0;  // the version the criterion belongs to
    std::optional<int> level;       // not rated yet
};

// French message when `answer` cannot be recorded in an assessment made against the
// grid `grid` (level outside the scale, criterion of another version or unknown);
// empty when acceptable.
std::string answer_problem(const LevelAnswer& answer, const Grid& grid);

struct FamilyScore {
    std::string family_code;
    int rated = 0;                  // criteria with a level
    int criteria = 0;               // criteria of the family in that version
    std::optional<double> percent;  // sum of levels / (rated × max level) × 100, none when nothing rated
};

// One score per family of the grid, in the grid's order; answers to criteria outside the
// grid are ignored (they were refused on the way in).
std::vector<FamilyScore> family_scores(const Grid& grid, const std::map<long long, int>& levels_by_criterion);

struct FamilyChange {
    std::string family_code;
    std::optional<double> before;
    std::optional<double> after;
    std::optional<double> delta;  // after − before, in percentage points, when both exist
};

// Per family code, the change between two assessments, possibly made against two
// different grid versions: families are matched by code, in the order of `after`, then
// families only `before` had.
std::vector<FamilyChange> compare(const std::vector<FamilyScore>& before, const std::vector<FamilyScore>& after);

}  // namespace ateliers::programmes
