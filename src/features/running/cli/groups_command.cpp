#include "features/running/cli/groups_command.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>

#include "features/running/domain/breakout_groups.hpp"
#include "features/running/domain/breakout_groups_json.hpp"
#include "platform/core/text_files.hpp"

namespace ateliers::running {

namespace {

struct GroupsOptions {
    std::string input_path;
    std::string golfers;  // "G-S-W" for the pure Social Golfer problem
    int groups = 0;
    int sessions = 0;
    std::uint64_t seed = 1;
    int time_limit_seconds = 60;
};

int run_golfers(const GroupsOptions& options, std::chrono::milliseconds limit) {
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

int run_groups(const GroupsOptions& options) {
    const std::chrono::milliseconds limit(static_cast<long long>(options.time_limit_seconds) * 1000);
    if (!options.golfers.empty()) return run_golfers(options, limit);
    if (options.input_path.empty() || options.groups <= 0 || options.sessions <= 0) {
        std::cerr << "Indiquez --input, --groups et --sessions, ou --golfers G-S-W.\n";
        return 2;
    }
    const auto text = text_files::read_all(options.input_path);
    if (!text) {
        std::cerr << "Fichier introuvable ou illisible : " << options.input_path << "\n";
        return 2;
    }
    auto problem = groups::parse_people(*text, options.groups, options.sessions);
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

}  // namespace

modules::CliCommand groups_command() {
    return {[](CLI::App& program) {
        auto o = std::make_shared<GroupsOptions>();
        auto* command = program.add_subcommand("groups", "Compose les sous-groupes des séances d'un cycle (JSON)");
        command->add_option("--input", o->input_path, "Fichier JSON des participants");
        command->add_option("--groups", o->groups, "Nombre de groupes par séance");
        command->add_option("--sessions", o->sessions, "Nombre de séances");
        command->add_option("--golfers", o->golfers, "Problème des golfeurs G-S-W, ex. 8-4-9");
        command->add_option("--seed", o->seed, "Graine de la recherche (défaut 1)");
        command->add_option("--time-limit", o->time_limit_seconds, "Durée maximale de recherche en secondes");
        return std::pair<CLI::App*, modules::CommandRun>{
            command, [o](const modules::CommandContext&) { return run_groups(*o); }};
    }};
}

}  // namespace ateliers::running
