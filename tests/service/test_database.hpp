#pragma once
// A fresh, migrated database for each test: a temporary SQLite file, or the
// PostgreSQL server named by ATELIERS_TEST_PG_URL with its schema recreated.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

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

class DatabaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(crypto::initialise());
        const char* pg = std::getenv("ATELIERS_TEST_PG_URL");
        if (pg && *pg) {
            url_ = pg;
            auto admin = store::Database::open(url_, 1);
            ASSERT_TRUE(admin.ok()) << admin.failure().message;
            soci::session sql(admin.value()->pool());
            sql << "DROP SCHEMA IF EXISTS public CASCADE";
            sql << "CREATE SCHEMA public";
        } else {
            std::random_device rd;
            dir_ = std::filesystem::temp_directory_path() / ("ateliers-test-" + std::to_string(rd()));
            std::filesystem::create_directories(dir_);
            url_ = "sqlite:" + (dir_ / "test.db").string();
        }
        auto db = store::Database::open(url_, 4);
        ASSERT_TRUE(db.ok()) << db.failure().message;
        db_ = std::move(db.value());
        auto migrated = store::migrate(*db_);
        ASSERT_TRUE(migrated.ok()) << migrated.failure().message;
        auto imported = store::import_referential(*db_, fixture_dir("referential"));
        ASSERT_TRUE(imported.ok()) << imported.failure().message;
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
