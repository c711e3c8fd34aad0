#include "cli/token_command.hpp"

#include <iostream>
#include <memory>

#include "platform/core/paris_time.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/crypto.hpp"

namespace ateliers::cli {

namespace {

std::unique_ptr<store::Database> open_database(const std::string& url) {
    auto db = store::Database::open(url, 1);
    if (!db) {
        std::cerr << db.failure().message << "\n";
        return nullptr;
    }
    return std::move(db.value());
}

int token_create(const CommonOptions& common, const std::string& email, const std::string& label) {
    if (!crypto::initialise()) {
        std::cerr << "libsodium ne peut pas être initialisée\n";
        return 1;
    }
    auto db = open_database(common.db);
    if (!db) return 1;
    auto created = services::create_api_token(*db, email, label);
    if (!created) {
        std::cerr << created.failure().message << "\n";
        return created.failure().kind == FailureKind::technical ? 1 : 2;
    }
    // The token alone on stdout, so that TOKEN=$(ateliers token create …) works.
    std::cout << created->token << std::endl;
    std::cerr << "Jeton « " << created->label << " » créé pour " << created->email
              << ". Conservez-le maintenant : il ne sera plus affiché (seule son empreinte est enregistrée).\n";
    return 0;
}

int token_list(const CommonOptions& common, const std::string& email) {
    auto db = open_database(common.db);
    if (!db) return 1;
    auto tokens = services::api_tokens_of(*db, email);
    if (!tokens) {
        std::cerr << tokens.failure().message << "\n";
        return tokens.failure().kind == FailureKind::technical ? 1 : 2;
    }
    if (tokens->empty()) std::cerr << "Aucun jeton pour ce compte.\n";
    for (const auto& t : tokens.value())
        std::cout << t.token_hash << "\t" << paris_time::iso8601(t.created_at) << "\t" << t.label << "\n";
    return 0;
}

int token_revoke(const CommonOptions& common, const std::string& token_or_hash) {
    if (!crypto::initialise()) {
        std::cerr << "libsodium ne peut pas être initialisée\n";
        return 1;
    }
    auto db = open_database(common.db);
    if (!db) return 1;
    auto done = services::revoke_api_token(*db, token_or_hash);
    if (!done) {
        std::cerr << done.failure().message << "\n";
        return done.failure().kind == FailureKind::technical ? 1 : 2;
    }
    std::cout << "Jeton révoqué.\n";
    return 0;
}

struct TokenArgs {
    std::string email, label, token;
};

}  // namespace

void add_token_command(CLI::App& app, const CommonOptions& common) {
    // Lives as long as the program: CLI11 keeps pointers to these strings.
    static TokenArgs args;
    auto* token = app.add_subcommand("token", "Jetons d'accès à l'API JSON (/api/v1)");
    token->require_subcommand(1);

    auto* create = token->add_subcommand("create", "Crée un jeton pour un compte confirmé et l'affiche une seule fois");
    create->add_option("email", args.email, "Adresse e-mail du compte")->required();
    create->add_option("--label", args.label, "Libellé du jeton (usage, outil…)");
    create->callback([&common] { throw CLI::RuntimeError(token_create(common, args.email, args.label)); });

    auto* list = token->add_subcommand("list", "Liste les jetons d'un compte (empreinte, date, libellé)");
    list->add_option("email", args.email, "Adresse e-mail du compte")->required();
    list->callback([&common] { throw CLI::RuntimeError(token_list(common, args.email)); });

    auto* revoke = token->add_subcommand("revoke", "Révoque un jeton, donné tel quel ou par son empreinte");
    revoke->add_option("token", args.token, "Le jeton, ou son empreinte affichée par « token list »")->required();
    revoke->callback([&common] { throw CLI::RuntimeError(token_revoke(common, args.token)); });
}

}  // namespace ateliers::cli
