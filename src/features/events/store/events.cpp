#include "features/events/store/events.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* event_columns =
    "SELECT id, slug, title, kind, summary, description, venue, address, online_policy, pmr_access, meals, "
    "organisers, contacts, starts_at, ends_at, capacity, published FROM events ";

EventRow event_from(const soci::row& r) {
    EventRow e;
    e.id = as_int(r, "id");
    e.slug = as_text(r, "slug");
    e.title = as_text(r, "title");
    e.kind = as_text(r, "kind");
    e.summary = as_text(r, "summary");
    e.description = as_text(r, "description");
    e.venue = as_text(r, "venue");
    e.address = as_text(r, "address");
    e.online_policy = as_text(r, "online_policy");
    e.pmr_access = as_text(r, "pmr_access");
    e.meals = as_text(r, "meals");
    e.organisers = as_text(r, "organisers");
    e.contacts = as_text(r, "contacts");
    e.starts_at = as_int(r, "starts_at");
    e.ends_at = as_int(r, "ends_at");
    e.capacity = static_cast<int>(as_int(r, "capacity"));
    e.published = as_int(r, "published") != 0;
    return e;
}

const char* item_columns =
    "SELECT id, event_id, COALESCE(slot_id, 0) AS slot_id, kind, title, description, room, starts_at, "
    "COALESCE(ends_at, 0) AS ends_at, capacity, position FROM event_items ";

ItemRow item_from(const soci::row& r) {
    ItemRow i;
    i.id = as_int(r, "id");
    i.event_id = as_int(r, "event_id");
    i.slot_id = as_int(r, "slot_id");
    i.kind = as_text(r, "kind");
    i.title = as_text(r, "title");
    i.description = as_text(r, "description");
    i.room = as_text(r, "room");
    i.starts_at = as_int(r, "starts_at");
    i.ends_at = as_int(r, "ends_at");
    if (auto c = as_optional_int(r, "capacity")) i.capacity = static_cast<int>(*c);
    i.position = static_cast<int>(as_int(r, "position"));
    return i;
}

SpeakerRow speaker_from(const soci::row& r) {
    SpeakerRow s;
    s.id = as_int(r, "id");
    s.event_id = as_int(r, "event_id");
    s.full_name = as_text(r, "full_name");
    s.function_title = as_text(r, "function_title");
    s.organisation = as_text(r, "organisation");
    return s;
}

std::string lock_suffix(Dialect dialect, bool lock) {
    return lock && dialect == Dialect::postgresql ? " FOR UPDATE" : "";
}

}  // namespace

long long insert_event(soci::session& sql, const EventRow& e, long long now) {
    long long id = 0;
    const int published = e.published ? 1 : 0;
    sql << "INSERT INTO events (slug, title, kind, summary, description, venue, address, online_policy, pmr_access, "
           "meals, organisers, contacts, starts_at, ends_at, capacity, published, created_at) VALUES (:slug, "
           ":title, :kind, :summary, :description, :venue, :address, :online, :pmr, :meals, :organisers, :contact, "
           ":starts, :ends, :capacity, :published, :now) RETURNING id",
        soci::use(e.slug), soci::use(e.title), soci::use(e.kind), soci::use(e.summary), soci::use(e.description),
        soci::use(e.venue), soci::use(e.address), soci::use(e.online_policy), soci::use(e.pmr_access),
        soci::use(e.meals), soci::use(e.organisers), soci::use(e.contacts), soci::use(e.starts_at),
        soci::use(e.ends_at), soci::use(e.capacity), soci::use(published), soci::use(now), soci::into(id);
    return id;
}

std::optional<EventRow> find_event(soci::session& sql, Dialect dialect, const std::string& slug, bool lock) {
    soci::row r;
    if (!execute(sql, std::string(event_columns) + "WHERE slug = :s" + lock_suffix(dialect, lock), soci::use(slug),
                 soci::into(r)))
        return std::nullopt;
    return event_from(r);
}

std::optional<EventRow> find_event_by_id(soci::session& sql, Dialect dialect, long long id, bool lock) {
    soci::row r;
    if (!execute(sql, std::string(event_columns) + "WHERE id = :id" + lock_suffix(dialect, lock), soci::use(id),
                 soci::into(r)))
        return std::nullopt;
    return event_from(r);
}

std::vector<EventRow> list_events(soci::session& sql, bool all) {
    std::vector<EventRow> out;
    const int published_only = all ? 0 : 1;
    for_each_row(
        sql, std::string(event_columns) + "WHERE published >= :p ORDER BY starts_at, id",
        [&](const soci::row& r) { out.push_back(event_from(r)); }, soci::use(published_only));
    return out;
}

void set_event_published(soci::session& sql, long long event_id, bool published) {
    const int p = published ? 1 : 0;
    execute(sql, "UPDATE events SET published = :p WHERE id = :id", soci::use(p), soci::use(event_id));
}

void set_event_capacity(soci::session& sql, long long event_id, int capacity) {
    execute(sql, "UPDATE events SET capacity = :c WHERE id = :id", soci::use(capacity), soci::use(event_id));
}

long long insert_slot(soci::session& sql, const SlotRow& s) {
    long long id = 0;
    sql << "INSERT INTO event_slots (event_id, title, description, starts_at, ends_at) VALUES (:e, :t, :d, :s, :x) "
           "RETURNING id",
        soci::use(s.event_id), soci::use(s.title), soci::use(s.description), soci::use(s.starts_at), soci::use(s.ends_at),
        soci::into(id);
    return id;
}

void update_slot(soci::session& sql, const SlotRow& s) {
    execute(sql, "UPDATE event_slots SET title = :t, description = :d, starts_at = :s, ends_at = :x WHERE id = :id",
            soci::use(s.title), soci::use(s.description), soci::use(s.starts_at), soci::use(s.ends_at), soci::use(s.id));
}

std::vector<SlotRow> event_slots(soci::session& sql, long long event_id) {
    std::vector<SlotRow> out;
    for_each_row(
        sql,
        "SELECT id, event_id, title, starts_at, ends_at, description FROM event_slots WHERE event_id = :e "
        "ORDER BY starts_at, id",
        [&](const soci::row& r) {
            SlotRow s;
            s.id = as_int(r, "id");
            s.event_id = as_int(r, "event_id");
            s.title = as_text(r, "title");
            s.starts_at = as_int(r, "starts_at");
            s.ends_at = as_int(r, "ends_at");
            s.description = as_text(r, "description");
            out.push_back(std::move(s));
        },
        soci::use(event_id));
    return out;
}

void upsert_day(soci::session& sql, long long event_id, const DayRow& d) {
    execute(sql, "DELETE FROM event_days WHERE event_id = :e AND day = :d", soci::use(event_id), soci::use(d.day));
    execute(sql, "INSERT INTO event_days (event_id, day, title, introduction) VALUES (:e, :d, :t, :i)",
            soci::use(event_id), soci::use(d.day), soci::use(d.title), soci::use(d.introduction));
}

std::vector<DayRow> event_days(soci::session& sql, long long event_id) {
    std::vector<DayRow> out;
    for_each_row(
        sql, "SELECT day, title, introduction FROM event_days WHERE event_id = :e ORDER BY day",
        [&](const soci::row& r) {
            out.push_back({as_text(r, "day"), as_text(r, "title"), as_text(r, "introduction")});
        },
        soci::use(event_id));
    return out;
}

long long insert_item(soci::session& sql, const ItemRow& i) {
    long long id = 0;
    const long long slot = i.slot_id;
    soci::indicator slot_ind = i.slot_id ? soci::i_ok : soci::i_null;
    const long long ends = i.ends_at;
    soci::indicator ends_ind = i.ends_at ? soci::i_ok : soci::i_null;
    const int capacity = i.capacity.value_or(0);
    soci::indicator capacity_ind = i.capacity ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO event_items (event_id, slot_id, kind, title, description, room, starts_at, ends_at, capacity, "
           "position) VALUES (:e, :slot, :k, :t, :d, :room, :s, :x, :c, :p) RETURNING id",
        soci::use(i.event_id), soci::use(slot, slot_ind), soci::use(i.kind), soci::use(i.title),
        soci::use(i.description), soci::use(i.room), soci::use(i.starts_at), soci::use(ends, ends_ind),
        soci::use(capacity, capacity_ind), soci::use(i.position), soci::into(id);
    return id;
}

std::optional<ItemRow> find_item(soci::session& sql, long long item_id) {
    soci::row r;
    if (!execute(sql, std::string(item_columns) + "WHERE id = :id", soci::use(item_id), soci::into(r)))
        return std::nullopt;
    return item_from(r);
}

std::vector<ItemRow> event_items(soci::session& sql, long long event_id) {
    std::vector<ItemRow> out;
    for_each_row(
        sql, std::string(item_columns) + "WHERE event_id = :e ORDER BY starts_at, position, id",
        [&](const soci::row& r) { out.push_back(item_from(r)); }, soci::use(event_id));
    return out;
}

void set_item_capacity(soci::session& sql, long long item_id, std::optional<int> capacity) {
    const int c = capacity.value_or(0);
    soci::indicator ind = capacity ? soci::i_ok : soci::i_null;
    sql << "UPDATE event_items SET capacity = :c WHERE id = :id", soci::use(c, ind), soci::use(item_id);
}

void update_item(soci::session& sql, const ItemRow& i) {
    const long long slot = i.slot_id;
    soci::indicator slot_ind = i.slot_id ? soci::i_ok : soci::i_null;
    const long long ends = i.ends_at;
    soci::indicator ends_ind = i.ends_at ? soci::i_ok : soci::i_null;
    const int capacity = i.capacity.value_or(0);
    soci::indicator capacity_ind = i.capacity ? soci::i_ok : soci::i_null;
    sql << "UPDATE event_items SET slot_id = :slot, kind = :k, title = :t, description = :d, room = :room, "
           "starts_at = :s, ends_at = :x, capacity = :c WHERE id = :id",
        soci::use(slot, slot_ind), soci::use(i.kind), soci::use(i.title), soci::use(i.description), soci::use(i.room),
        soci::use(i.starts_at), soci::use(ends, ends_ind), soci::use(capacity, capacity_ind), soci::use(i.id);
}

void delete_item(soci::session& sql, long long item_id) {
    execute(sql, "DELETE FROM event_items WHERE id = :id", soci::use(item_id));
}

void delete_slot(soci::session& sql, long long slot_id) {
    execute(sql, "DELETE FROM event_slots WHERE id = :id", soci::use(slot_id));
}

void move_slot_items(soci::session& sql, long long slot_id, long long starts_at, long long ends_at) {
    execute(sql, "UPDATE event_items SET starts_at = :s, ends_at = :x WHERE slot_id = :slot", soci::use(starts_at),
            soci::use(ends_at), soci::use(slot_id));
}

std::vector<SpeakerRow> event_speakers(soci::session& sql, long long event_id) {
    std::vector<SpeakerRow> out;
    for_each_row(
        sql,
        "SELECT id, event_id, full_name, function_title, organisation FROM event_speakers WHERE event_id = :e "
        "ORDER BY full_name, id",
        [&](const soci::row& r) { out.push_back(speaker_from(r)); },
        soci::use(event_id));
    return out;
}

long long insert_speaker(soci::session& sql, const SpeakerRow& s) {
    long long id = 0;
    sql << "INSERT INTO event_speakers (event_id, full_name, function_title, organisation) VALUES (:e, :n, :f, :o) "
           "RETURNING id",
        soci::use(s.event_id), soci::use(s.full_name), soci::use(s.function_title), soci::use(s.organisation),
        soci::into(id);
    return id;
}

void link_speaker(soci::session& sql, long long item_id, long long speaker_id, const std::string& role, int position) {
    execute(sql, "INSERT INTO event_item_speakers (item_id, speaker_id, role, position) VALUES (:i, :s, :r, :p)",
            soci::use(item_id), soci::use(speaker_id), soci::use(role), soci::use(position));
}

std::vector<ItemSpeakerRow> event_item_speakers(soci::session& sql, long long event_id) {
    std::vector<ItemSpeakerRow> out;
    for_each_row(
        sql,
        "SELECT l.item_id AS item_id, l.role AS role, s.id AS id, s.event_id AS event_id, s.full_name AS full_name, "
        "s.function_title AS function_title, s.organisation AS organisation "
        "FROM event_item_speakers l JOIN event_speakers s ON s.id = l.speaker_id "
        "WHERE s.event_id = :e ORDER BY l.item_id, l.position, s.id",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "item_id"), as_text(r, "role"), speaker_from(r)});
        },
        soci::use(event_id));
    return out;
}

}  // namespace ateliers::store
