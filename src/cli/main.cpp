// ateliers: one program, sub-commands. Parses flags, wires the parts, starts.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/modules.hpp"
#include "cli/token_command.hpp"
#include "platform/core/source_dir.hpp"

namespace {

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace ateliers::cli;
    CLI::App app{"Ateliers des territoires – plateforme des ateliers interactifs de l'ANCT"};
    app.require_subcommand(1);
    app.fallthrough();  // --db may follow the sub-command

    CommonOptions common;
    common.db = env_or("ATELIERS_DB", "sqlite:var/ateliers.db");
    app.add_option("--db", common.db, "Base de données : sqlite:CHEMIN ou postgresql://… (env ATELIERS_DB)");

    auto* migrate = app.add_subcommand("migrate", "Crée ou met à jour le schéma de la base");
    auto* import = app.add_subcommand("import-referential", "Importe le référentiel des collectivités");
    std::string referential_dir;
    import->add_option("--data", referential_dir, "Dossier data/ de @etalab/decoupage-administratif");
    auto* seed = app.add_subcommand("seed-demo", "Charge les cycles, témoignages et contacts de démonstration");
    std::string demo_file;
    seed->add_option("--file", demo_file, "Fichier JSON du contenu de démonstration");
    bool demo_activity = false;
    seed->add_flag("--activity", demo_activity,
                   "Ajoute une activité fictive (vague de candidatures, cycle terminé avec groupes, présences, "
                   "pistes d’action et avis) : pour une base locale de démonstration seulement");

    ServeOptions serve_options;
    serve_options.port = static_cast<unsigned short>(std::stoi(env_or("ATELIERS_PORT", "8080")));
    serve_options.address = env_or("ATELIERS_ADDRESS", "127.0.0.1");
    serve_options.base_url = env_or("ATELIERS_BASE_URL", "");
    serve_options.mail.smtp_url = env_or("ATELIERS_SMTP_URL", "");
    serve_options.mail.mail_dir = env_or("ATELIERS_MAIL_DIR", "var/mail");
    serve_options.files_dir = env_or("ATELIERS_FILES_DIR", serve_options.files_dir);
    serve_options.mail.from = env_or("ATELIERS_MAIL_FROM", serve_options.mail.from);
    serve_options.assets_dir = env_or("ATELIERS_ASSETS_DIR", ateliers::source_dir());
    serve_options.host_name = env_or("ATELIERS_HOST_NAME", "");
    serve_options.host_address = env_or("ATELIERS_HOST_ADDRESS", "");
    serve_options.host_phone = env_or("ATELIERS_HOST_PHONE", "");
    auto* serve = app.add_subcommand("serve", "Sert le site web et envoie les e-mails en attente");
    serve->add_option("--port", serve_options.port, "Port HTTP (env ATELIERS_PORT, défaut 8080)");
    serve->add_option("--address", serve_options.address, "Adresse d'écoute (env ATELIERS_ADDRESS)");
    serve->add_option("--threads", serve_options.threads, "Fils de traitement HTTP (défaut 2)");
    serve->add_option("--base-url", serve_options.base_url,
                      "Adresse publique du site, pour les liens des e-mails (env ATELIERS_BASE_URL)");
    serve->add_option("--smtp-url", serve_options.mail.smtp_url,
                      "Serveur SMTP, ex. smtp://127.0.0.1:25 (env ATELIERS_SMTP_URL) ; sinon fichiers .eml");
    serve->add_option("--mail-dir", serve_options.mail.mail_dir, "Dossier des .eml (env ATELIERS_MAIL_DIR)");
    serve->add_option("--files-dir", serve_options.files_dir,
                      "Dossier des fichiers déposés (documents d'événement, preuves de diagnostic), partagé par "
                      "tous les processus d'un même site (env ATELIERS_FILES_DIR, défaut var/fichiers)");
    serve->add_option("--mail-from", serve_options.mail.from, "Expéditeur des e-mails (env ATELIERS_MAIL_FROM)");
    serve->add_option("--assets", serve_options.assets_dir,
                      "Dossier contenant templates/, static/, docs/openapi.json et node_modules/ (env ATELIERS_ASSETS_DIR)");
    serve->add_option("--worker-interval-ms", serve_options.worker_interval_ms,
                      "Intervalle d'envoi des e-mails en attente (défaut 1000)");
    serve->add_option("--public-cache-ms", serve_options.public_cache_ms,
                      "Durée de cache des pages publiques vues sans connexion, en ms (défaut 3000, 0 : aucun)");
    serve->add_flag("--check-templates", serve_options.check_templates,
                    "Rend aussi chaque page avec le moteur Mustache de référence et signale toute différence "
                    "(tests ; plus lent)");
    serve->add_option("--host-name", serve_options.host_name,
                      "Hébergeur du site, pour les mentions légales (env ATELIERS_HOST_NAME)");
    serve->add_option("--host-address", serve_options.host_address,
                      "Adresse postale de l'hébergeur (env ATELIERS_HOST_ADDRESS)");
    serve->add_option("--host-phone", serve_options.host_phone,
                      "Téléphone de l'hébergeur (env ATELIERS_HOST_PHONE)");
    serve_options.retention_months = std::stoi(env_or("ATELIERS_RETENTION_MONTHS", "24"));
    serve->add_option("--retention-months", serve_options.retention_months,
                      "Mois après la fin d'un cycle ou d'un événement au-delà desquels les textes personnels de "
                      "ses inscrits sont effacés (env ATELIERS_RETENTION_MONTHS, défaut 24, 0 : jamais)")
        ->check(CLI::Range(0, 600));
    serve_options.proconnect.issuer = env_or("ATELIERS_PROCONNECT_ISSUER", "");
    serve_options.proconnect.client_id = env_or("ATELIERS_PROCONNECT_CLIENT_ID", "");
    serve_options.proconnect.client_secret = env_or("ATELIERS_PROCONNECT_CLIENT_SECRET", "");
    serve_options.proconnect.redirect_url = env_or("ATELIERS_PROCONNECT_REDIRECT_URL", "");
    serve->add_option("--proconnect-issuer", serve_options.proconnect.issuer,
                      "ProConnect : émetteur, ex. https://auth.agentconnect.gouv.fr/api/v2 "
                      "(env ATELIERS_PROCONNECT_ISSUER) ; sans lui, pas de bouton ProConnect");
    serve->add_option("--proconnect-client-id", serve_options.proconnect.client_id,
                      "ProConnect : identifiant du service (env ATELIERS_PROCONNECT_CLIENT_ID)");
    serve->add_option("--proconnect-client-secret", serve_options.proconnect.client_secret,
                      "ProConnect : secret du service (env ATELIERS_PROCONNECT_CLIENT_SECRET)");
    serve->add_option("--proconnect-redirect-url", serve_options.proconnect.redirect_url,
                      "ProConnect : URL de retour déclarée, ex. https://site/compte/proconnect/retour "
                      "(env ATELIERS_PROCONNECT_REDIRECT_URL)");
    serve->add_flag("!--no-worker", serve_options.run_worker, "Ne pas envoyer les e-mails depuis ce processus");
    const auto proxies_env = env_or("ATELIERS_TRUSTED_PROXIES", "");
    for (std::size_t start = 0, comma = 0; comma != std::string::npos; start = comma + 1) {
        comma = proxies_env.find(',', start);
        const auto one = proxies_env.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (one.find_first_not_of(" \t") != std::string::npos) serve_options.trusted_proxies.push_back(one);
    }
    serve->add_option("--trusted-proxy", serve_options.trusted_proxies,
                      "Proxy inverse dont l'en-tête X-Forwarded-For est cru : adresse ou réseau (10.0.0.0/8), "
                      "répétable (env ATELIERS_TRUSTED_PROXIES, séparées par des virgules)");

    auto* user = app.add_subcommand("user", "Gestion des comptes");
    user->require_subcommand(1);
    auto* grant = user->add_subcommand("grant", "Donne un rôle à un compte : participant, facilitator, organiser, admin");
    std::string grant_email, grant_role, grant_cycle;
    grant->add_option("email", grant_email, "Adresse e-mail du compte")->required();
    grant->add_option("role", grant_role, "Rôle")->required();
    grant->add_option("--cycle", grant_cycle, "Pour facilitator : identifiant (slug) du cycle animé");

    add_token_command(app, common);

    // The modules' own sub-commands (allocate, groups…).
    const auto registry = all_modules();
    std::vector<std::pair<CLI::App*, ateliers::modules::CommandRun>> module_commands;
    for (const auto& m : registry.modules())
        for (const auto& command : m.commands) module_commands.push_back(command.attach(app));

    CLI11_PARSE(app, argc, argv);

    for (const auto& [command, run] : module_commands)
        if (*command) return run({common.db});

    if (*migrate) return run_migrate(common);
    if (*import) return run_import_referential(common, referential_dir);
    if (*seed) return run_seed_demo(common, demo_file, demo_activity);
    if (*serve) return run_serve(common, serve_options);
    if (*grant) return run_user_grant(common, grant_email, grant_role, grant_cycle);
    return 2;
}
