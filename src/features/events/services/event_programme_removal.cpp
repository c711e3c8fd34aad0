#include "features/events/services/event_programme_removal.hpp"

#include "features/events/domain/programme_removal.hpp"
#include "features/events/store/event_registrations.hpp"
#include "features/events/store/events.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

// What the two steps look at, read in one transaction.
Result<RemovalPreview> preview_in(soci::session& sql, store::Dialect dialect, const std::string& slug, ProgrammePart part,
                                  long long id, bool lock) {
    const auto event = store::find_event(sql, dialect, slug, lock);
    if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
    RemovalPreview p;
    p.event_title = event->title;
    store::ChoicesInUse in_use;
    if (part == ProgrammePart::item) {
        const auto item = store::find_item(sql, id);
        if (!item || item->event_id != event->id)
            return fail("Cette intervention n’appartient pas (ou plus) à cet événement.", {}, FailureKind::not_found);
        p.title = item->title;
        in_use = store::item_choices_in_use(sql, id);
    } else {
        bool found = false;
        for (const auto& s : store::event_slots(sql, event->id))
            if (s.id == id) {
                found = true;
                p.title = s.title;
            }
        if (!found) return fail("Ce créneau n’appartient pas (ou plus) à cet événement.", {}, FailureKind::not_found);
        for (const auto& i : store::event_items(sql, event->id))
            if (i.slot_id == id) p.workshops.push_back(i.title);
        in_use = store::slot_choices_in_use(sql, id);
    }
    p.refusal = events::removal_refusal(part == ProgrammePart::item ? events::RemovalTarget::item : events::RemovalTarget::slot,
                                        {in_use.held, in_use.waiting});
    return p;
}

}  // namespace

Result<RemovalPreview> programme_removal_preview(store::Database& db, const std::string& slug, ProgrammePart part, long long id) {
    try {
        return store::with_session(db, [&](soci::session& sql) { return preview_in(sql, db.dialect(), slug, part, id, false); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status remove_from_programme(store::Database& db, long long actor_user_id, const std::string& slug, ProgrammePart part,
                             long long id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto preview = preview_in(sql, db.dialect(), slug, part, id, true);
        if (!preview) return preview.failure();
        const auto& p = preview.value();
        if (p.refusal) return fail(*p.refusal, {}, FailureKind::conflict);
        std::string line;
        if (part == ProgrammePart::item) {
            store::delete_item(sql, id);
            line = "Intervention supprimée : " + p.title;
        } else {
            store::delete_slot(sql, id);
            line = "Créneau supprimé : " + p.title;
            if (!p.workshops.empty()) {
                line += " (avec ses ateliers :";
                for (std::size_t i = 0; i < p.workshops.size(); ++i) line += (i ? ", « " : " « ") + p.workshops[i] + " »";
                line += ")";
            }
        }
        record_audit(sql, actor_user_id, "event.programme", "event:" + slug, line);
        return Done{};
    });
}

}  // namespace ateliers::services
