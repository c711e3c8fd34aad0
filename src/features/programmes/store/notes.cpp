#include "features/programmes/store/notes.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

long long insert_supervision_note(soci::session& sql, const SupervisionNoteRow& n, long long now) {
    long long id = 0;
    soci::indicator author_ind = n.author_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO supervision_notes (territory_id, visibility, body, author_id, noted_on, created_at) "
           "VALUES (:t, :v, :b, :a, :d, :now) RETURNING id",
        soci::use(n.territory_id), soci::use(n.visibility), soci::use(n.body), soci::use(n.author_id, author_ind),
        soci::use(n.noted_on), soci::use(now), soci::into(id);
    return id;
}

std::vector<SupervisionNoteRow> supervision_notes_of(soci::session& sql, long long territory_id, bool with_internal) {
    std::vector<SupervisionNoteRow> out;
    const int internal = with_internal ? 1 : 0;
    // The filter is in SQL so that an internal note never leaves the database for a
    // territory's page, whatever the page does afterwards.
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT n.id, n.territory_id, n.visibility, n.body, COALESCE(n.author_id, 0) AS author_id, "
                        "COALESCE(u.full_name, '') AS author_name, n.noted_on, n.created_at FROM supervision_notes n "
                        "LEFT JOIN users u ON u.id = n.author_id WHERE n.territory_id = :t "
                        "AND (n.visibility = 'territory' OR :internal = 1) ORDER BY n.noted_on DESC, n.id DESC",
         soci::use(territory_id), soci::use(internal));
    for (const auto& r : rows) {
        SupervisionNoteRow n;
        n.id = as_int(r, "id");
        n.territory_id = as_int(r, "territory_id");
        n.visibility = as_text(r, "visibility");
        n.body = as_text(r, "body");
        n.author_id = as_int(r, "author_id");
        n.author_name = as_text(r, "author_name");
        n.noted_on = as_text(r, "noted_on");
        n.created_at = as_int(r, "created_at");
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace ateliers::store
