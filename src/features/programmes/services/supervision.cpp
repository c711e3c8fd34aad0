#include "features/programmes/services/supervision.hpp"

#include <cstdio>

#include "platform/audit/audit.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

Result<SupervisionView> supervision_notes(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          long long territory_id) {
    return store::in_transaction<SupervisionView>(db, [&](soci::session& sql) -> Result<SupervisionView> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        using programmes::NoteVisibility;
        SupervisionView v;
        v.notes = store::supervision_notes_of(
            sql, territory_id, programmes::can_read_note(scope->viewer, territory_id, NoteVisibility::internal));
        v.can_write_shared = programmes::can_write_note(scope->viewer, territory_id, NoteVisibility::territory);
        v.can_write_internal = programmes::can_write_note(scope->viewer, territory_id, NoteVisibility::internal);
        return v;
    });
}

Result<long long> add_supervision_note(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, const SupervisionNoteInput& input) {
    Failure problems = fail("La note n’est pas encore enregistrée : corrigez les champs signalés.", {},
                            FailureKind::invalid);
    programmes::NoteVisibility visibility = programmes::NoteVisibility::territory;
    if (input.visibility == "internal") visibility = programmes::NoteVisibility::internal;
    else if (input.visibility != "territory")
        problems.fields["visibility"] = "Choisissez qui peut lire la note : le territoire, ou l’ANCT seulement.";
    const auto body = text::trim(input.body);
    if (body.empty()) problems.fields["body"] = "Écrivez la note.";
    else if (text::length_in_chars(body) > 8000) problems.fields["body"] = "Une note est limitée à 8 000 caractères.";
    const auto date = paris_time::parse_civil_date(text::trim(input.noted_on));
    if (!date) problems.fields["noted_on"] = "Indiquez la date de la note, par exemple 14/03/2026.";
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_write_note(scope->viewer, territory_id, visibility))
            return fail(visibility == programmes::NoteVisibility::internal
                            ? "Les notes internes sont réservées à l’ANCT."
                            : "Les notes de suivi sont écrites par les prestataires du territoire et l’ANCT.",
                        {}, FailureKind::forbidden);
        if (!problems.fields.empty()) {
            problems.field = problems.fields.begin()->first;
            return problems;
        }
        char day[11];
        std::snprintf(day, sizeof day, "%04d-%02d-%02d", date->year, date->month, date->day);
        store::SupervisionNoteRow n;
        n.territory_id = territory_id;
        n.visibility = input.visibility;
        n.body = body;
        n.author_id = actor ? actor->id : 0;
        n.noted_on = day;
        const long long id = store::insert_supervision_note(sql, n, store::now_utc_seconds());
        record_audit(sql, n.author_id, "programme.note", "programme:" + slug,
                     std::string(visibility == programmes::NoteVisibility::internal ? "Note interne" : "Note partagée") +
                         " – " + scope->territory.label);
        return id;
    });
}

}  // namespace ateliers::services
