#pragma once
#include <string>
#include <vector>

#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/mail/outbox_worker.hpp"

namespace ateliers::cli {

struct CommonOptions {
    std::string db;
};

struct ServeOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;
    std::size_t threads = 2;
    std::string base_url;
    std::string assets_dir;
    jobs::MailSettings mail;
    int worker_interval_ms = 1000;
    bool run_worker = true;
    int public_cache_ms = 3000;
    bool check_templates = false;  // also render with the reference engine (web/views.hpp)
    std::vector<std::string> trusted_proxies;  // addresses or networks (CIDR)
    std::string host_name, host_address, host_phone;  // the legal notice's hosting provider
    int retention_months = 24;
    identity::ProConnectSettings proconnect;          // all four set, or no ProConnect button
    std::string files_dir = "var/fichiers";           // uploaded files (platform/files)
};

int run_migrate(const CommonOptions& common);
int run_import_referential(const CommonOptions& common, const std::string& data_dir);
int run_seed_demo(const CommonOptions& common, const std::string& file, bool activity);
int run_serve(const CommonOptions& common, const ServeOptions& options);
int run_user_grant(const CommonOptions& common, const std::string& email, const std::string& role,
                   const std::string& cycle);

}  // namespace ateliers::cli
