#pragma once
// `ateliers allocate` and `ateliers groups`: the two solvers on JSON files, used by
// organisers' scripts, the tests and the benchmarks. Exit 2 on invalid input.
#include <cstdint>
#include <string>

namespace ateliers::cli {

int run_allocate(const std::string& input_path, const std::string& output_path);

struct GroupsOptions {
    std::string input_path;
    std::string golfers;  // "G-S-W" for the pure Social Golfer problem
    int groups = 0;
    int sessions = 0;
    std::uint64_t seed = 1;
    int time_limit_seconds = 60;
};
int run_groups(const GroupsOptions& options);

}  // namespace ateliers::cli
