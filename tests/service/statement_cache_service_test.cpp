// The per-connection cache of prepared statements (store/statements.hpp), on the
// database the suite runs against.
#include <vector>

#include "platform/store/statements.hpp"
#include "test_database.hpp"

using namespace ateliers;

class StatementCacheTest : public test_support::DatabaseTest {
protected:
    long long communes_in(soci::session& sql, const std::string& departement) {
        long long n = -1;
        store::execute(sql, "SELECT COUNT(*) FROM collectivites WHERE kind = 'commune' AND departement_code = :d",
                       soci::use(departement, "d"), soci::into(n));
        return n;
    }
};

TEST_F(StatementCacheTest, TheSameTextIsPreparedOncePerConnectionAndBoundAfreshEachTime) {
    soci::session sql(db_->pool());
    auto* cache = store::statement_cache(sql);
    ASSERT_NE(cache, nullptr) << "a pooled connection has its statements";
    const auto before = cache->prepared();

    const auto loire = communes_in(sql, "42");
    const auto rhone = communes_in(sql, "69");
    EXPECT_EQ(cache->prepared(), before + 1) << "the second execution reuses the first's statement";
    EXPECT_EQ(communes_in(sql, "42"), loire);

    // The answers are those of a statement prepared for the occasion.
    long long expected_loire = 0, expected_rhone = 0;
    sql << "SELECT COUNT(*) FROM collectivites WHERE kind = 'commune' AND departement_code = '42'",
        soci::into(expected_loire);
    sql << "SELECT COUNT(*) FROM collectivites WHERE kind = 'commune' AND departement_code = '69'",
        soci::into(expected_rhone);
    EXPECT_EQ(loire, expected_loire);
    EXPECT_EQ(rhone, expected_rhone);
    EXPECT_GT(loire, 0);
    EXPECT_NE(loire, rhone);

    long long one = 0;
    store::execute(sql, "SELECT 1", soci::into(one));
    EXPECT_EQ(one, 1);
    EXPECT_EQ(cache->prepared(), before + 2) << "another text is another statement";
}

TEST_F(StatementCacheTest, RowsIndicatorsAndRowsetsComeBackOnEveryExecution) {
    soci::session sql(db_->pool());
    for (const std::string id : {"commune:42168", "commune:42218", "commune:42168"}) {
        soci::row r;
        ASSERT_TRUE(store::execute(sql, "SELECT id, name, epci_type FROM collectivites WHERE id = :id",
                                   soci::use(id, "id"), soci::into(r)));
        EXPECT_EQ(r.get<std::string>(0), id);
        std::string name;
        sql << "SELECT name FROM collectivites WHERE id = :id", soci::use(id), soci::into(name);
        EXPECT_EQ(r.get<std::string>(1), name);
    }
    soci::row none;
    const std::string missing = "commune:00000";
    EXPECT_FALSE(store::execute(sql, "SELECT id, name, epci_type FROM collectivites WHERE id = :id",
                                soci::use(missing, "id"), soci::into(none)));

    long long first = 0;
    soci::indicator ind = soci::i_ok;
    const std::string nobody = "personne";
    store::execute(sql, "SELECT MIN(population) FROM collectivites WHERE name = :n", soci::use(nobody, "n"),
                   soci::into(first, ind));
    EXPECT_EQ(ind, soci::i_null);

    for (int round = 0; round < 2; ++round) {
        std::vector<std::string> ids;
        store::for_each_row(
            sql, "SELECT id FROM collectivites WHERE departement_code = :d AND kind = 'commune' ORDER BY id",
            [&](const soci::row& r) { ids.push_back(r.get<std::string>(0)); }, soci::use(std::string("42"), "d"));
        std::vector<std::string> expected;
        soci::rowset<std::string> rows =
            (sql.prepare << "SELECT id FROM collectivites WHERE departement_code = '42' AND kind = 'commune' ORDER BY id");
        for (const auto& id : rows) expected.push_back(id);
        EXPECT_EQ(ids, expected) << "round " << round;
        EXPECT_GT(ids.size(), 1u);
    }
}

TEST_F(StatementCacheTest, AFailedExecutionLeavesTheStatementUsable) {
    soci::session sql(db_->pool());
    auto* cache = store::statement_cache(sql);
    ASSERT_NE(cache, nullptr);
    const auto insert = [&](const std::string& email) {
        try {
            store::Transaction tx(sql, db_->dialect());
            const long long now = store::now_utc_seconds();
            store::execute(sql,
                           "INSERT INTO users (email, password_hash, full_name, function_title, mandate, created_at) "
                           "VALUES (:e, 'x', 'Test', 'DGS', 'agent', :t)",
                           soci::use(email, "e"), soci::use(now, "t"));
            tx.commit();
            return true;
        } catch (const std::exception& e) {
            EXPECT_TRUE(store::is_unique_violation(e)) << e.what();
            return false;
        }
    };
    ASSERT_TRUE(insert("un@exemple.fr"));
    EXPECT_FALSE(insert("un@exemple.fr")) << "the e-mail is unique";
    const auto prepared = cache->prepared();
    EXPECT_TRUE(insert("deux@exemple.fr"));
    EXPECT_EQ(cache->prepared(), prepared) << "the statement that failed is used again";
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email IN ('un@exemple.fr', 'deux@exemple.fr')"), 2);
}

// On SQLite, a SELECT left on a row keeps a read transaction, and with it the snapshot
// of that moment: the connection would not see later writes.
TEST_F(StatementCacheTest, AnIdleConnectionSeesWritesMadeAfterItsLastRead) {
    soci::session reader(db_->pool());
    std::string first_id;
    store::execute(reader, "SELECT id FROM collectivites ORDER BY id", soci::into(first_id));
    const auto users_before = count("SELECT COUNT(*) FROM users");  // another connection

    person("nouvelle", "commune:42168");  // written on another connection

    long long users_now = 0;
    store::execute(reader, "SELECT COUNT(*) FROM users", soci::into(users_now));
    EXPECT_EQ(users_now, users_before + 1);
    // And it can still write.
    store::Transaction tx(reader, db_->dialect());
    reader << "UPDATE users SET full_name = 'Nouvelle' WHERE email = 'nouvelle@exemple.fr'";
    tx.commit();
}

TEST_F(StatementCacheTest, TheSameTextNestedInsideItselfRunsOnAStatementOfItsOwn) {
    soci::session sql(db_->pool());
    const std::string text = "SELECT id FROM collectivites WHERE departement_code = :d AND kind = 'commune' ORDER BY id";
    std::vector<std::size_t> inner_sizes;
    store::for_each_row(
        sql, text,
        [&](const soci::row&) {
            std::size_t n = 0;
            store::for_each_row(sql, text, [&](const soci::row&) { ++n; }, soci::use(std::string("69"), "d"));
            inner_sizes.push_back(n);
        },
        soci::use(std::string("42"), "d"));
    ASSERT_GT(inner_sizes.size(), 1u);
    for (const auto n : inner_sizes) EXPECT_EQ(n, inner_sizes.front());
    EXPECT_GT(inner_sizes.front(), 0u);
}
