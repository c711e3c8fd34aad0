#include "features/selection/cli/allocate_command.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "features/selection/domain/allocation_json.hpp"
#include "platform/core/text_files.hpp"

namespace ateliers::selection {

namespace {

struct AllocateOptions {
    std::string input_path;
    std::string output_path;
};

int run_allocate(const AllocateOptions& options) {
    const auto text = text_files::read_all(options.input_path);
    if (!text) {
        std::cerr << "Fichier introuvable ou illisible : " << options.input_path << "\n";
        return 2;
    }
    auto parsed = allocation::parse_round(*text);
    if (const auto* error = std::get_if<allocation::InputError>(&parsed)) {
        std::cerr << error->fr << "\n";
        return 2;
    }
    const auto result = allocation::solve(std::get<allocation::Round>(parsed));
    if (!text_files::write_all(options.output_path, allocation::to_json(result))) {
        std::cerr << "Écriture impossible : " << options.output_path << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

modules::CliCommand allocate_command() {
    return {[](CLI::App& program) {
        auto options = std::make_shared<AllocateOptions>();
        auto* command =
            program.add_subcommand("allocate", "Propose la sélection optimale d'une vague de candidatures (JSON)");
        command->add_option("--input", options->input_path, "Fichier JSON de la vague (- : entrée standard)")
            ->required();
        command->add_option("--output", options->output_path, "Fichier JSON du résultat (défaut : sortie standard)");
        return std::pair<CLI::App*, modules::CommandRun>{
            command, [options](const modules::CommandContext&) { return run_allocate(*options); }};
    }};
}

}  // namespace ateliers::selection
