#pragma once
// A fresh, migrated database for each test: a temporary SQLite file, or the
// PostgreSQL database named by ATELIERS_TEST_PG_URL, recreated. Migrating and loading
// the referential happens once per process, into a template each test copies: a file
// copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "platform/core/source_dir.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/store/database.hpp"
#include "platform/store/migrations.hpp"
#include "platform/referential/referential_import.hpp"

namespace ateliers::test_support {

inline std::string fixture_dir(const std::string& name) {
    return ateliers::source_dir() + "/tests/fixtures/" + name;
}

// Migrates and loads the referential into the database at `url`; empty when done.
inline std::string prepare_database(const std::string& url) {
    auto db = store::Database::open(url, 1);
    if (!db) return db.failure().message;
    if (auto migrated = store::migrate(*db.value()); !migrated) return migrated.failure().message;
    if (auto imported = store::import_referential(*db.value(), fixture_dir("referential")); !imported)
        return imported.failure().message;
    return {};
}

// The template of this test process, made on first use and removed at exit.
class TemplateDatabase {
public:
    // SQLite: the path of a prepared file to copy.
    static const std::filesystem::path& sqlite_file() {
        static TemplateDatabase t = [] {
            TemplateDatabase made;
            std::random_device rd;
            made.dir_ = std::filesystem::temp_directory_path() / ("ateliers-template-" + std::to_string(rd()));
            std::filesystem::create_directories(made.dir_);
            made.file_ = made.dir_ / "template.db";
            made.problem_ = prepare_database("sqlite:" + made.file_.string());
            return made;
        }();
        if (!t.problem_.empty()) throw std::runtime_error("template database: " + t.problem_);
        return t.file_;
    }

    // PostgreSQL: the name of a prepared database on the server of `url`.
    static const std::string& postgresql_template(const std::string& url) {
        static TemplateDatabase t = [&] {
            TemplateDatabase made;
            made.admin_url_ = with_database(url, "postgres");
            made.name_ = database_of(url) + "_template_" + std::to_string(::getpid());
            made.problem_ = run_admin(made.admin_url_, {"DROP DATABASE IF EXISTS " + made.name_,
                                                        "CREATE DATABASE " + made.name_});
            if (made.problem_.empty()) made.problem_ = prepare_database(with_database(url, made.name_));
            return made;
        }();
        if (!t.problem_.empty()) throw std::runtime_error("template database: " + t.problem_);
        return t.name_;
    }

    static std::string database_of(const std::string& url) { return url.substr(url.rfind('/') + 1); }
    static std::string with_database(const std::string& url, const std::string& name) {
        return url.substr(0, url.rfind('/') + 1) + name;
    }
    // Statements that cannot run in a transaction, on the server's maintenance database.
    static std::string run_admin(const std::string& admin_url, const std::vector<std::string>& statements) {
        auto admin = store::Database::open(admin_url, 1);
        if (!admin) return admin.failure().message;
        try {
            soci::session sql(admin.value()->pool());
            for (const auto& statement : statements) sql << statement;
        } catch (const std::exception& e) {
            return e.what();
        }
        return {};
    }

    TemplateDatabase() = default;
    TemplateDatabase(TemplateDatabase&& other) noexcept
        : dir_(std::move(other.dir_)),
          file_(std::move(other.file_)),
          admin_url_(std::move(other.admin_url_)),
          name_(std::move(other.name_)),
          problem_(std::move(other.problem_)) {
        other.dir_.clear();
        other.name_.clear();
    }
    ~TemplateDatabase() {
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
        if (!name_.empty()) run_admin(admin_url_, {"DROP DATABASE IF EXISTS " + name_});
    }

private:
    std::filesystem::path dir_, file_;
    std::string admin_url_, name_, problem_;
};

class DatabaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(crypto::initialise());
        const char* pg = std::getenv("ATELIERS_TEST_PG_URL");
        if (pg && *pg) {
            url_ = pg;
            const auto name = TemplateDatabase::database_of(url_);
            const auto problem = TemplateDatabase::run_admin(
                TemplateDatabase::with_database(url_, "postgres"),
                {"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                 "CREATE DATABASE " + name + " TEMPLATE " + TemplateDatabase::postgresql_template(url_)});
            ASSERT_TRUE(problem.empty()) << problem;
        } else {
            std::random_device rd;
            dir_ = std::filesystem::temp_directory_path() / ("ateliers-test-" + std::to_string(rd()));
            std::filesystem::create_directories(dir_);
            std::filesystem::copy_file(TemplateDatabase::sqlite_file(), dir_ / "test.db");
            url_ = "sqlite:" + (dir_ / "test.db").string();
        }
        auto db = store::Database::open(url_, 4);
        ASSERT_TRUE(db.ok()) << db.failure().message;
        db_ = std::move(db.value());
    }

    void TearDown() override {
        db_.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }

    long long count(const std::string& sql_text) {
        long long n = 0;
        soci::session sql(db_->pool());
        sql << sql_text, soci::into(n);
        return n;
    }

    // Accounts are inserted directly: the tests using them are not about argon2id.
    services::CurrentUser person(const std::string& name, const std::string& collectivite) {
        soci::session sql(db_->pool());
        const std::string email = name + "@exemple.fr";
        const long long now = store::now_utc_seconds();
        long long id = 0;
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, 'x', :n, :c, 'DGS', 'agent', :t, :t2) RETURNING id",
            soci::use(email), soci::use(name), soci::use(collectivite), soci::use(now), soci::use(now), soci::into(id);
        services::CurrentUser u;
        u.id = id;
        u.email = email;
        u.full_name = name;
        u.collectivite_id = collectivite;
        return u;
    }

    std::unique_ptr<store::Database> db_;
    std::string url_;
    std::filesystem::path dir_;
};

}  // namespace ateliers::test_support
