#include "cli/commands.hpp"
#include "cli/modules.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "platform/auth/accounts.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/auth/server_secrets.hpp"
#include "platform/store/migrations.hpp"
#include "platform/referential/referential_import.hpp"
#include "platform/http/server.hpp"

namespace ateliers::cli {

namespace {

std::unique_ptr<store::Database> open_database(const std::string& url, std::size_t pool) {
    // A SQLite file's folder is created on first use so `make run` works on a fresh clone.
    if (url.rfind("postgres", 0) != 0) {
        auto path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
        const auto parent = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    }
    auto db = store::Database::open(url, pool);
    if (!db) {
        std::cerr << db.failure().message << "\n";
        return nullptr;
    }
    return std::move(db.value());
}

}  // namespace

int run_migrate(const CommonOptions& common) {
    auto db = open_database(common.db, 1);
    if (!db) return 1;
    auto applied = store::migrate(*db);
    if (!applied) {
        std::cerr << applied.failure().message << "\n";
        return 1;
    }
    std::cout << "Migrations appliquées : " << applied.value() << " (" << db->display_name() << ")\n";
    return 0;
}

int run_import_referential(const CommonOptions& common, const std::string& data_dir) {
    auto db = open_database(common.db, 1);
    if (!db) return 1;
    const auto started = std::chrono::steady_clock::now();
    auto counts = store::import_referential(*db, data_dir.empty() ? store::default_referential_dir() : data_dir);
    if (!counts) {
        std::cerr << counts.failure().message << "\n";
        return 1;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    std::cout << "Référentiel importé en " << ms.count() << " ms : " << counts->regions << " régions, "
              << counts->departements << " départements, " << counts->communes << " communes, " << counts->epci
              << " EPCI\n";
    return 0;
}

// Every module loads its own demonstration content, in registry order.
int run_seed_demo(const CommonOptions& common, const std::string& file, bool activity) {
    auto db = open_database(common.db, 1);
    if (!db) return 1;
    const modules::DemoOptions options{store::now_utc_seconds(), file, activity};
    const auto registry = all_modules();
    for (const auto& module : registry.modules()) {
        if (!module.demo_content) continue;
        auto said = module.demo_content(*db, options);
        if (!said) {
            std::cerr << said.failure().message << "\n";
            return 1;
        }
        if (!said->empty()) std::cout << said.value() << "\n";
    }
    return 0;
}

int run_serve(const CommonOptions& common, const ServeOptions& options) {
    if (!crypto::initialise()) {
        std::cerr << "libsodium ne peut pas être initialisée\n";
        return 1;
    }
    auto db = open_database(common.db, options.threads + 2);
    if (!db) return 1;
    auto views = web::Views::load(options.assets_dir + "/templates", options.check_templates);
    if (!views) {
        std::cerr << views.failure().message << "\n";
        return 1;
    }
    web::WebConfig config;
    config.assets_dir = options.assets_dir;
    config.public_page_ttl = std::chrono::milliseconds(options.public_cache_ms);
    config.base_url = options.base_url.empty()
                          ? "http://" + options.address + ":" + std::to_string(options.port)
                          : options.base_url;
    while (!config.base_url.empty() && config.base_url.back() == '/') config.base_url.pop_back();
    web::ServerOptions server{options.address, options.port, options.threads, {}};
    std::vector<web::AddressRange> proxies;
    for (const auto& text : options.trusted_proxies) {
        const auto range = web::parse_address_range(text);
        if (!range) {
            std::cerr << "--trusted-proxy : « " << text
                      << " » n'est ni une adresse IP ni un réseau (ex. 10.0.0.5, ::1, 10.0.0.0/8)\n";
            return 2;
        }
        proxies.push_back(*range);
    }
    server.trusted_proxies = web::TrustedProxies(std::move(proxies));
    auto secret = services::server_secret(*db, "csrf");
    if (!secret) {
        std::cerr << secret.failure().message << "\n";
        return 1;
    }
    config.csrf_secret = std::move(secret.value());
    config.host = {options.host_name, options.host_address, options.host_phone};
    if (config.host.name.empty())
        spdlog::warn("no hosting provider for the legal notice: set --host-name and --host-address");
    auto proconnect = options.proconnect;
    while (!proconnect.issuer.empty() && proconnect.issuer.back() == '/') proconnect.issuer.pop_back();
    const bool some_proconnect = !proconnect.issuer.empty() || !proconnect.client_id.empty() ||
                                 !proconnect.client_secret.empty() || !proconnect.redirect_url.empty();
    if (some_proconnect && !proconnect.configured()) {
        std::cerr << "ProConnect : --proconnect-issuer, --proconnect-client-id, --proconnect-client-secret et "
                     "--proconnect-redirect-url vont ensemble ; il en manque.\n";
        return 2;
    }
    if (proconnect.configured()) spdlog::info("ProConnect sign-in through {}", proconnect.issuer);
    const auto modules = all_modules({options.retention_months, proconnect, files::FileStorage(options.files_dir)});
    const web::App app(*db, *views.value(), config, modules);
    std::vector<jobs::PeriodicJob> periodic;
    for (const auto& module : modules.modules()) periodic.insert(periodic.end(), module.jobs.begin(), module.jobs.end());
    jobs::OutboxWorker worker(*db, options.mail, options.worker_interval_ms, config.base_url, std::move(periodic));
    if (options.run_worker) worker.start();
    spdlog::info("database {}; e-mail via {}; uploaded files in {}", db->display_name(),
                 options.mail.smtp_url.empty() ? "files in " + options.mail.mail_dir : options.mail.smtp_url,
                 options.files_dir);
    const int code = web::serve_until_signalled(app, server);
    worker.stop();
    return code;
}

int run_user_grant(const CommonOptions& common, const std::string& email, const std::string& role,
                   const std::string& cycle) {
    auto db = open_database(common.db, 1);
    if (!db) return 1;
    auto done = services::grant_role(*db, email, role, cycle);
    if (!done) {
        std::cerr << done.failure().message << "\n";
        return 2;
    }
    std::cout << "Rôle « " << role << " » donné à " << email << (cycle.empty() ? "" : " pour le cycle " + cycle)
              << "\n";
    return 0;
}

}  // namespace ateliers::cli
