#include "features/events/services/event_programme_admin.hpp"

#include <map>

#include "features/events/domain/link_rules.hpp"
#include "features/events/services/event_seats.hpp"
#include "features/events/store/event_links.hpp"
#include "features/events/store/event_registrations.hpp"
#include "features/events/store/events.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

const char* form_summary = "Le formulaire contient des erreurs : corrigez les champs signalés.";

Failure form_failure(const events::FieldProblems& problems) {
    Failure f{form_summary, problems.begin()->first, FailureKind::invalid};
    f.fields = problems;
    return f;
}

Failure one_field(const std::string& field, const std::string& message, FailureKind kind = FailureKind::invalid) {
    Failure f{message, field, kind};
    f.fields[field] = message;
    return f;
}

Failure no_event() { return fail("Événement introuvable.", {}, FailureKind::not_found); }

std::vector<events::SlotSpan> slot_spans(const std::vector<store::SlotRow>& slots) {
    std::vector<events::SlotSpan> out;
    for (const auto& s : slots) out.push_back({s.id, s.title, {s.starts_at, s.ends_at}});
    return out;
}

std::string trimmed(const std::string& s) { return text::trim(s); }

}  // namespace

Result<std::string> create_event_from_form(store::Database& db, long long actor_user_id, const events::EventForm& form) {
    const auto check = events::check_event_form(form);
    if (!check.problems.empty()) return form_failure(check.problems);
    store::EventRow e;
    e.slug = check.slug;
    e.title = trimmed(form.title);
    e.kind = form.kind;
    e.summary = trimmed(form.summary);
    e.description = trimmed(form.description);
    e.venue = trimmed(form.venue);
    e.address = trimmed(form.address);
    e.online_policy = trimmed(form.online_policy);
    e.pmr_access = trimmed(form.pmr_access);
    e.meals = trimmed(form.meals);
    e.organisers = trimmed(form.organisers);
    e.contacts = trimmed(form.contacts);
    e.starts_at = check.starts_at;
    e.ends_at = check.ends_at;
    e.capacity = check.capacity;
    return store::in_transaction<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
        if (store::find_event(sql, db.dialect(), e.slug, false))
            return one_field("slug", "Un événement porte déjà l’adresse « " + e.slug + " » : choisissez-en une autre.",
                             FailureKind::conflict);
        store::insert_event(sql, e, store::now_utc_seconds());
        record_audit(sql, actor_user_id, "event.create", "event:" + e.slug, "Événement créé : " + e.title);
        return e.slug;
    });
}

Result<std::string> duplicate_event(store::Database& db, long long actor_user_id, const std::string& source_slug,
                                    const events::DuplicateForm& form) {
    const auto check = events::check_duplicate_form(form);
    if (!check.problems.empty()) return form_failure(check.problems);
    return store::in_transaction<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
        const auto source = store::find_event(sql, db.dialect(), source_slug, false);
        if (!source) return no_event();
        if (store::find_event(sql, db.dialect(), check.slug, false))
            return one_field("slug", "Un événement porte déjà l’adresse « " + check.slug + " » : choisissez-en une autre.",
                             FailureKind::conflict);
        auto copy = *source;
        copy.slug = check.slug;
        copy.title = trimmed(form.title);
        copy.published = false;
        copy.starts_at = events::shift_days(source->starts_at, check.days);
        copy.ends_at = events::shift_days(source->ends_at, check.days);
        const long long id = store::insert_event(sql, copy, store::now_utc_seconds());
        for (auto day : store::event_days(sql, source->id)) {
            day.day = events::shift_iso_date(day.day, check.days);
            store::upsert_day(sql, id, day);
        }
        std::map<long long, long long> slots, items, speakers;
        for (auto slot : store::event_slots(sql, source->id)) {
            const auto old = slot.id;
            slot.event_id = id;
            slot.starts_at = events::shift_days(slot.starts_at, check.days);
            slot.ends_at = events::shift_days(slot.ends_at, check.days);
            slots[old] = store::insert_slot(sql, slot);
        }
        for (auto item : store::event_items(sql, source->id)) {
            const auto old = item.id;
            item.event_id = id;
            if (item.slot_id) item.slot_id = slots.at(item.slot_id);
            item.starts_at = events::shift_days(item.starts_at, check.days);
            if (item.ends_at) item.ends_at = events::shift_days(item.ends_at, check.days);
            items[old] = store::insert_item(sql, item);
        }
        for (auto speaker : store::event_speakers(sql, source->id)) {
            const auto old = speaker.id;
            speaker.event_id = id;
            speakers[old] = store::insert_speaker(sql, speaker);
        }
        int position = 0;
        for (const auto& link : store::event_item_speakers(sql, source->id))
            store::link_speaker(sql, items.at(link.item_id), speakers.at(link.speaker.id), link.role, position++);
        record_audit(sql, actor_user_id, "event.duplicate", "event:" + copy.slug,
                     "Événement dupliqué depuis « " + source->title + " », dates décalées de " + std::to_string(check.days) +
                         " jour(s) : " + copy.title);
        return copy.slug;
    });
}

Result<long long> save_event_slot(store::Database& db, long long actor_user_id, const std::string& slug, long long slot_id,
                                  const events::SlotForm& form) {
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event(sql, db.dialect(), slug, true);
        if (!event) return no_event();
        const auto slots = store::event_slots(sql, event->id);
        if (slot_id) {
            bool found = false;
            for (const auto& s : slots) found = found || s.id == slot_id;
            if (!found) return fail("Ce créneau n’appartient pas à cet événement.", {}, FailureKind::not_found);
        }
        const auto check = events::check_slot_form(form, slot_id, {event->starts_at, event->ends_at}, slot_spans(slots));
        if (!check.problems.empty()) return form_failure(check.problems);
        store::SlotRow row{slot_id, event->id, trimmed(form.title), check.span.starts_at, check.span.ends_at,
                           trimmed(form.description)};
        if (slot_id) {
            store::update_slot(sql, row);
            store::move_slot_items(sql, slot_id, row.starts_at, row.ends_at);
        } else {
            row.id = store::insert_slot(sql, row);
        }
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug,
                     (slot_id ? "Créneau modifié : " : "Créneau ajouté : ") + row.title);
        return row.id;
    });
}

Result<long long> save_event_item(store::Database& db, long long actor_user_id, const std::string& slug, long long item_id,
                                  const events::ItemForm& form, const MailContext& mail) {
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event(sql, db.dialect(), slug, true);
        if (!event) return no_event();
        std::optional<store::ItemRow> before;
        if (item_id) {
            before = store::find_item(sql, item_id);
            if (!before || before->event_id != event->id)
                return fail("Cette intervention n’appartient pas à cet événement.", {}, FailureKind::not_found);
        }
        const int held = item_id ? static_cast<int>(store::taken_workshop_seats(sql, item_id).size()) : 0;
        const auto check = events::check_item_form(form, {event->starts_at, event->ends_at},
                                                   slot_spans(store::event_slots(sql, event->id)), held);
        if (!check.problems.empty()) return form_failure(check.problems);
        if (before && before->slot_id && before->slot_id != check.slot_id && held > 0)
            return one_field("slot_id", "Des places sont déjà attribuées dans cet atelier : il ne peut pas changer de créneau.");
        store::ItemRow row = before.value_or(store::ItemRow{});
        row.event_id = event->id;
        row.slot_id = check.slot_id;
        row.kind = form.kind;
        row.title = trimmed(form.title);
        row.description = trimmed(form.description);
        row.room = trimmed(form.room);
        row.starts_at = check.span.starts_at;
        row.ends_at = check.span.ends_at;
        row.capacity = check.capacity;
        if (before) {
            store::update_item(sql, row);
        } else {
            row.position = static_cast<int>(store::event_items(sql, event->id).size());
            row.id = store::insert_item(sql, row);
        }
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug,
                     (before ? "Intervention modifiée : " : "Intervention ajoutée : ") + row.title);
        if (before && before->capacity != row.capacity) {
            record_audit(sql, actor_user_id, "event.capacity", "event:" + event->slug,
                         "Capacité de l’atelier « " + row.title + " » : " +
                             (row.capacity ? std::to_string(*row.capacity) : std::string("sans limite")));
            promote_workshop_queue(sql, row.id, event->title, mail);
        }
        return row.id;
    });
}

Result<long long> add_item_speaker(store::Database& db, long long actor_user_id, const std::string& slug, long long item_id,
                                   const events::SpeakerForm& form) {
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event(sql, db.dialect(), slug, true);
        if (!event) return no_event();
        const auto item = store::find_item(sql, item_id);
        if (!item || item->event_id != event->id)
            return fail("Cette intervention n’appartient pas à cet événement.", {}, FailureKind::not_found);
        const auto existing = store::event_speakers(sql, event->id);
        std::vector<long long> ids;
        for (const auto& s : existing) ids.push_back(s.id);
        const auto problems = events::check_speaker_form(form, ids);
        if (!problems.empty()) return form_failure(problems);
        long long speaker_id = 0;
        std::string name;
        if (const auto typed = text::parse_bounded_integer(trimmed(form.speaker_id), 1, 1'000'000'000'000LL)) {
            speaker_id = *typed;
            for (const auto& s : existing)
                if (s.id == speaker_id) name = s.full_name;
        } else {
            name = trimmed(form.full_name);
            speaker_id = store::insert_speaker(
                sql, {0, event->id, name, trimmed(form.function_title), trimmed(form.organisation)});
        }
        int position = 0;
        for (const auto& link : store::event_item_speakers(sql, event->id)) {
            if (link.item_id != item_id) continue;
            if (link.speaker.id == speaker_id)
                return one_field("speaker_id", name + " figure déjà sur cette intervention.", FailureKind::conflict);
            ++position;
        }
        store::link_speaker(sql, item_id, speaker_id, form.role, position);
        record_audit(sql, actor_user_id, "event.programme", "event:" + event->slug,
                     std::string(events::speaker_role_label(form.role)) + " : " + name + " sur « " + item->title + " »");
        return speaker_id;
    });
}

Result<long long> add_event_link(store::Database& db, long long actor_user_id, const std::string& slug,
                                 const std::string& title, const std::string& url) {
    const auto problems = events::link_problems(title, url);
    if (!problems.empty()) return form_failure(problems);
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event) return no_event();
        const auto id = store::insert_event_link(sql, {0, event->id, trimmed(title), trimmed(url)}, store::now_utc_seconds());
        record_audit(sql, actor_user_id, "event.document", "event:" + event->slug, "Document publié : " + trimmed(title));
        return id;
    });
}

Status remove_event_link(store::Database& db, long long actor_user_id, const std::string& slug, long long link_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event) return no_event();
        std::string title;
        for (const auto& l : store::event_links(sql, event->id))
            if (l.id == link_id) title = l.title;
        if (!store::delete_event_link(sql, event->id, link_id))
            return fail("Ce document n’est pas (ou plus) publié sur cet événement.", {}, FailureKind::not_found);
        record_audit(sql, actor_user_id, "event.document", "event:" + event->slug, "Document retiré : " + title);
        return Done{};
    });
}

}  // namespace ateliers::services
