#include "features/events/services/event_admin.hpp"

#include <algorithm>

#include "features/events/domain/programme_rules.hpp"
#include "features/events/services/event_seats.hpp"
#include "features/events/store/event_registrations.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

Failure invalid(const std::string& message, const std::string& field) { return fail(message, field, FailureKind::invalid); }

}  // namespace

Result<long long> create_event(store::Database& db, long long actor_user_id, const store::EventRow& event) {
    events::Kind kind;
    if (event.title.empty()) return invalid("Donnez un titre à l’événement.", "title");
    if (event.slug.empty()) return invalid("Donnez une adresse courte (slug) à l’événement.", "slug");
    if (!events::parse_kind(event.kind, kind)) return invalid("Choisissez le type d’événement.", "kind");
    if (event.ends_at <= event.starts_at) return invalid("L’événement doit finir après son début.", "ends_at");
    if (event.capacity < 0) return invalid("La capacité ne peut pas être négative.", "capacity");
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (store::find_event(sql, db.dialect(), event.slug, false))
            return fail("Un événement porte déjà cette adresse : choisissez-en une autre.", "slug", FailureKind::conflict);
        const long long id = store::insert_event(sql, event, store::now_utc_seconds());
        record_audit(sql, actor_user_id, "event.create", "event:" + event.slug, "Événement créé : " + event.title);
        return id;
    });
}

Status publish_event(store::Database& db, long long actor_user_id, long long event_id, bool published) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto event = store::find_event_by_id(sql, db.dialect(), event_id, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        store::set_event_published(sql, event_id, published);
        record_audit(sql, actor_user_id, published ? "event.publish" : "event.unpublish", "event:" + event->slug,
                     (published ? "Événement publié : " : "Événement retiré : ") + event->title);
        return Done{};
    });
}

Result<long long> add_event_slot(store::Database& db, long long actor_user_id, const store::SlotRow& slot) {
    if (slot.title.empty()) return invalid("Donnez un titre au créneau.", "title");
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event_by_id(sql, db.dialect(), slot.event_id, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        std::vector<events::SlotSpan> others;
        for (const auto& s : store::event_slots(sql, slot.event_id)) others.push_back({s.id, s.title, {s.starts_at, s.ends_at}});
        const auto problem =
            events::slot_problem({slot.id, slot.title, {slot.starts_at, slot.ends_at}}, {event->starts_at, event->ends_at}, others);
        if (!problem.empty()) return invalid(problem, "starts_at");
        const long long id = store::insert_slot(sql, slot);
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug, "Créneau ajouté : " + slot.title);
        return id;
    });
}

Result<long long> add_event_item(store::Database& db, long long actor_user_id, const store::ItemRow& item) {
    events::ItemKind kind;
    if (!events::parse_item_kind(item.kind, kind)) return invalid("Choisissez le type d’intervention.", "kind");
    if (item.title.empty()) return invalid("Donnez un titre à l’intervention.", "title");
    if ((kind == events::ItemKind::workshop) != (item.slot_id != 0))
        return invalid("Un atelier appartient à un créneau d’ateliers parallèles, et seul un atelier.", "slot_id");
    if (auto problem = events::capacity_problem(item.capacity, 0); !problem.empty()) return invalid(problem, "capacity");
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event_by_id(sql, db.dialect(), item.event_id, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        auto stored = item;
        if (item.slot_id) {
            const auto slots = store::event_slots(sql, item.event_id);
            const auto slot = std::find_if(slots.begin(), slots.end(), [&](const auto& s) { return s.id == item.slot_id; });
            if (slot == slots.end()) return invalid("Ce créneau n’appartient pas à cet événement.", "slot_id");
            stored.starts_at = slot->starts_at;
            stored.ends_at = slot->ends_at;
        } else if (item.starts_at < event->starts_at || item.starts_at > event->ends_at) {
            return invalid("L’intervention doit se tenir pendant l’événement.", "starts_at");
        }
        const long long id = store::insert_item(sql, stored);
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug, "Intervention ajoutée : " + item.title);
        return id;
    });
}

Result<long long> add_event_speaker(store::Database& db, long long actor_user_id, const store::SpeakerRow& speaker,
                                    const std::vector<SpeakerPart>& parts) {
    if (speaker.full_name.empty()) return invalid("Indiquez le nom de l’intervenant·e.", "full_name");
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event_by_id(sql, db.dialect(), speaker.event_id, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        const long long id = store::insert_speaker(sql, speaker);
        int position = 0;
        for (const auto& part : parts) {
            const auto item = store::find_item(sql, part.item_id);
            if (!item || item->event_id != speaker.event_id)
                return invalid("Cette intervention n’appartient pas à cet événement.", "item_id");
            if (part.role != "speaker" && part.role != "moderator" && part.role != "witness" && part.role != "introduction")
                return invalid("Choisissez le rôle de l’intervenant·e.", "role");
            store::link_speaker(sql, part.item_id, id, part.role, position++);
        }
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug,
                     "Intervenant·e ajouté·e : " + speaker.full_name);
        return id;
    });
}

Status set_event_day(store::Database& db, long long actor_user_id, long long event_id, const store::DayRow& day) {
    if (day.title.empty()) return invalid("Donnez un titre à la journée.", "title");
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto event = store::find_event_by_id(sql, db.dialect(), event_id, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        store::upsert_day(sql, event_id, day);
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug, "Journée : " + day.title);
        return Done{};
    });
}

Status set_workshop_capacity(store::Database& db, long long actor_user_id, long long item_id, std::optional<int> capacity,
                             const MailContext& mail) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto item = store::find_item(sql, item_id);
        if (!item) return fail("Atelier introuvable.", {}, FailureKind::not_found);
        const auto event = store::find_event_by_id(sql, db.dialect(), item->event_id, true);
        const int held = static_cast<int>(store::taken_workshop_seats(sql, item_id).size());
        if (auto problem = events::capacity_problem(capacity, held); !problem.empty()) return invalid(problem, "capacity");
        store::set_item_capacity(sql, item_id, capacity);
        record_audit(sql, actor_user_id, "event.capacity", "event:" + event->slug,
                     "Capacité de l’atelier « " + item->title + " » : " +
                         (capacity ? std::to_string(*capacity) : std::string("sans limite")));
        promote_workshop_queue(sql, item_id, event->title, mail);
        return Done{};
    });
}

Status set_event_capacity(store::Database& db, long long actor_user_id, long long event_id, int capacity,
                          const MailContext& mail) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto event = store::find_event_by_id(sql, db.dialect(), event_id, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        const int held = static_cast<int>(store::taken_event_seats(sql, event_id).size());
        if (auto problem = events::capacity_problem(capacity, held); !problem.empty()) return invalid(problem, "capacity");
        store::set_event_capacity(sql, event_id, capacity);
        record_audit(sql, actor_user_id, "event.capacity", "event:" + event->slug,
                     "Capacité de l’événement : " + std::to_string(capacity));
        promote_event_queue(sql, db.dialect(), event_id, mail);
        return Done{};
    });
}

}  // namespace ateliers::services
