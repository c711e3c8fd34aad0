#include "features/programmes/cli/load_grid_command.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "features/programmes/services/programme_admin.hpp"

namespace ateliers::programmes {

namespace {

int run_load_grid(const std::string& database_url, const std::string& path) {
    auto db = store::Database::open(database_url, 1);
    if (!db) {
        std::cerr << db.failure().message << "\n";
        return 1;
    }
    auto loaded = services::load_grid_file(*db.value(), path);
    if (!loaded) {
        std::cerr << loaded.failure().message << "\n";
        return 2;
    }
    if (!loaded->created) {
        std::cerr << "La version " << loaded->version
                  << " de la grille est déjà chargée et ne change plus : donnez un nouveau numéro de version au fichier.\n";
        return 2;
    }
    std::cout << "Grille des savoir-faire, version " << loaded->version
              << " chargée : les nouveaux diagnostics et bilans la prennent par défaut.\n";
    return 0;
}

}  // namespace

modules::CliCommand load_grid_command() {
    return {[](CLI::App& program) {
        auto path = std::make_shared<std::string>();
        auto* command = program.add_subcommand("load-grid", "Publie une nouvelle version de la grille des savoir-faire (JSON)");
        command->add_option("file", *path, "Fichier JSON de la grille (voir data/programmes/)")->required();
        return std::pair<CLI::App*, modules::CommandRun>{
            command, [path](const modules::CommandContext& context) { return run_load_grid(context.database_url, *path); }};
    }};
}

}  // namespace ateliers::programmes
