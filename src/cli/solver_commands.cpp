#include "cli/solver_commands.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "features/selection/domain/allocation_json.hpp"
#include "features/running/domain/breakout_groups.hpp"
#include "features/running/domain/breakout_groups_json.hpp"

namespace ateliers::cli {

namespace {

bool read_file(const std::string& path, std::string& out) {
    if (path == "-") {
        std::stringstream buffer;
        buffer << std::cin.rdbuf();
        out = buffer.str();
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

bool write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text << "\n";
        return true;
    }
    std::ofstream out(path, std::ios::binary);
    out << text << "\n";
    return static_cast<bool>(out);
}

}  // namespace

int run_allocate(const std::string& input_path, const std::string& output_path) {
    std::string text;
    if (!read_file(input_path, text)) {
        std::cerr << "Fichier introuvable ou illisible : " << input_path << "\n";
        return 2;
    }
    auto parsed = allocation::parse_round(text);
    if (const auto* error = std::get_if<allocation::InputError>(&parsed)) {
        std::cerr << error->fr << "\n";
        return 2;
    }
    const auto result = allocation::solve(std::get<allocation::Round>(parsed));
    if (!write_output(output_path, allocation::to_json(result))) {
        std::cerr << "Écriture impossible : " << output_path << "\n";
        return 1;
    }
    return 0;
}

int run_groups(const GroupsOptions& options) {
    const std::chrono::milliseconds limit(static_cast<long long>(options.time_limit_seconds) * 1000);
    if (!options.golfers.empty()) {
        auto spec = groups::parse_golfers_spec(options.golfers);
        if (!spec) {
            std::cerr << spec.failure().message << "\n";
            return 2;
        }
        auto plan = groups::golfers(spec->groups, spec->size, spec->weeks, options.seed, limit);
        if (!plan) {
            std::cerr << plan.failure().message << "\n";
            return 2;
        }
        std::cout << groups::golfers_to_json(plan.value()) << "\n";
        return 0;
    }
    std::string text;
    if (!read_file(options.input_path, text)) {
        std::cerr << "Fichier introuvable ou illisible : " << options.input_path << "\n";
        return 2;
    }
    auto problem = groups::parse_people(text, options.groups, options.sessions);
    if (!problem) {
        std::cerr << problem.failure().message << "\n";
        return 2;
    }
    groups::Options solver;
    solver.seed = options.seed;
    solver.time_limit = limit;
    auto plan = groups::solve(problem.value(), solver);
    if (!plan) {
        std::cerr << plan.failure().message << "\n";
        return 2;
    }
    std::cout << groups::to_json(problem.value(), plan.value()) << "\n";
    return 0;
}

}  // namespace ateliers::cli
