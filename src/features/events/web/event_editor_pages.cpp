#include "features/events/web/event_editor_pages.hpp"

#include <cstdio>
#include <set>

#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_programme_admin.hpp"
#include "features/events/web/event_editor_forms.hpp"
#include "features/events/web/event_file_pages.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/files/media_types.hpp"
#include "platform/files/upload_rules.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/multipart_form.hpp"

namespace ateliers::web::events_editor {

namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

std::string typed_date(long long utc) {
    const auto t = paris_time::to_local(utc);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", t.day, t.month, t.year);
    return buf;
}

std::string typed_time(long long utc) {
    const auto t = paris_time::to_local(utc);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%d:%02d", t.hour, t.minute);
    return buf;
}

std::string base(const std::string& slug) { return "/admin/evenements/" + slug; }

Response failed(const App& app, const Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Introuvable" : "Erreur", f.message);
}

Refusal refusal_of(const std::string& key, const FormFields& typed, const Failure& f) {
    auto problems = f.fields;
    if (problems.empty()) problems[f.field.empty() ? "title" : f.field] = f.message;
    return {key, typed, problems, f.fields.size() > 1 ? f.message : "Ce formulaire n’a pas été enregistré."};
}

events::SlotForm slot_form(const FormFields& f) {
    return {field(f, "title"), field(f, "description"), field(f, "day"), field(f, "start_time"), field(f, "end_time")};
}

events::ItemForm item_form(const FormFields& f) {
    return {field(f, "kind"), field(f, "title"),      field(f, "description"), field(f, "room"),    field(f, "slot_id"),
            field(f, "day"),  field(f, "start_time"), field(f, "end_time"),    field(f, "capacity")};
}

FormFields stored_item(const store::ItemRow& i) {
    FormFields out{{"kind", i.kind},   {"title", i.title}, {"description", i.description}, {"room", i.room},
                   {"slot_id", i.slot_id ? std::to_string(i.slot_id) : ""},
                   {"capacity", i.capacity ? std::to_string(*i.capacity) : ""}};
    if (!i.slot_id) {
        out["day"] = typed_date(i.starts_at);
        out["start_time"] = typed_time(i.starts_at);
        if (i.ends_at) out["end_time"] = typed_time(i.ends_at);
    }
    return out;
}

std::string speaker_line(const store::ItemSpeakerRow& s) {
    std::string line = std::string(events::speaker_role_label(s.role)) + " : " + s.speaker.full_name;
    if (!s.speaker.function_title.empty()) line += ", " + s.speaker.function_title;
    if (!s.speaker.organisation.empty()) line += " (" + s.speaker.organisation + ")";
    return line;
}

Response programme_view(const App& app, Visitor& visitor, const std::string& slug, const Refusal* refusal) {
    auto programme = services::event_programme(app.db(), slug, true);
    if (!programme) return failed(app, visitor, programme.failure());
    const auto& p = programme.value();
    const auto& e = p.event;
    Options slot_options, speaker_options;
    std::set<long long> seen_speakers;
    for (const auto& s : p.slots)
        slot_options.push_back({std::to_string(s.id), s.title + " – " + paris_time::long_date(s.starts_at) + ", " +
                                                          paris_time::time_of_day(s.starts_at)});
    std::vector<const services::ProgrammeItem*> items;
    for (const auto& day : p.days)
        for (const auto& entry : day.entries) {
            if (entry.item) items.push_back(&*entry.item);
            if (entry.slot)
                for (const auto& w : entry.slot->workshops) items.push_back(&w);
        }
    for (const auto* item : items)
        for (const auto& s : item->speakers)
            if (seen_speakers.insert(s.speaker.id).second)
                speaker_options.push_back({std::to_string(s.speaker.id), s.speaker.full_name +
                                                                             (s.speaker.organisation.empty() ? "" : " (" + s.speaker.organisation + ")")});
    nlohmann::json slots = nlohmann::json::array();
    for (const auto& s : p.slots) {
        const auto key = "creneau-" + std::to_string(s.id);
        const FormFields stored{{"title", s.title}, {"description", s.description}, {"day", typed_date(s.starts_at)},
                                {"start_time", typed_time(s.starts_at)}, {"end_time", typed_time(s.ends_at)}};
        slots.push_back({{"title", s.title},
                         {"when", paris_time::long_date(s.starts_at) + ", " + paris_time::time_of_day(s.starts_at) + " – " +
                                      paris_time::time_of_day(s.ends_at)},
                         {"open", refused(refusal, key)},
                         {"remove_url", base(slug) + "/programme/creneaux/" + std::to_string(s.id) + "/supprimer"},
                         {"form_html", form_html(app, visitor, key, base(slug) + "/programme/creneaux/" + std::to_string(s.id),
                                                 "Enregistrer le créneau", slot_fields(), stored, refusal)}});
    }
    nlohmann::json item_list = nlohmann::json::array();
    for (const auto* entry : items) {
        const auto& i = entry->item;
        const auto id = std::to_string(i.id);
        events::ItemKind kind{};
        const auto* label = events::parse_item_kind(i.kind, kind) ? events::item_kind_label(kind) : "";
        nlohmann::json speakers = nlohmann::json::array();
        for (const auto& s : entry->speakers) speakers.push_back(speaker_line(s));
        std::string when = paris_time::long_date(i.starts_at) + ", " + paris_time::time_of_day(i.starts_at);
        if (i.ends_at) when += " – " + paris_time::time_of_day(i.ends_at);
        item_list.push_back(
            {{"id", i.id},
             {"title", i.title},
             {"kind", label},
             {"when", when},
             {"has_room", !i.room.empty()},
             {"room", i.room},
             {"has_capacity", i.capacity.has_value()},
             {"capacity", i.capacity ? std::to_string(*i.capacity) + " places" : std::string("sans limite")},
             {"speakers", speakers},
             {"has_speakers", !speakers.empty()},
             {"open", refused(refusal, "intervention-" + id)},
             {"remove_url", base(slug) + "/programme/interventions/" + id + "/supprimer"},
             {"speaker_open", refused(refusal, "intervenant-" + id)},
             {"form_html", form_html(app, visitor, "intervention-" + id, base(slug) + "/programme/interventions/" + id,
                                     "Enregistrer l’intervention", item_fields(slot_options), stored_item(i), refusal)},
             {"speaker_form_html",
              form_html(app, visitor, "intervenant-" + id, base(slug) + "/programme/interventions/" + id + "/intervenants",
                        "Ajouter à l’intervention", speaker_fields(speaker_options), {{"role", "speaker"}}, refusal, true)}});
    }
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : p.links)
        links.push_back({{"title", l.title}, {"url", l.url}, {"action", base(slug) + "/documents/" + std::to_string(l.id) + "/retirer"}});
    const std::vector<FieldSpec> link_fields{{"title", "Titre du document", "Par exemple « Synthèse des ateliers »", FieldSpec::Control::input, 6},
                                             {"url", "Adresse", "https://…", FieldSpec::Control::input, 6, {}, "url"}};
    nlohmann::json file_list = nlohmann::json::array();
    for (const auto& f : p.files) {
        auto view = events_files::file_document_view(slug, f);
        file_list.push_back({{"title", f.title},
                             {"href", view["url"]},
                             {"detail", view["detail"]},
                             {"action", base(slug) + "/fichiers/" + std::to_string(f.id) + "/retirer"}});
    }
    const std::vector<FieldSpec> file_fields{
        {"title", "Titre du document", "Par exemple « Présentation de l’atelier 3 »", FieldSpec::Control::input, 12},
        {"file", "Fichier", "Taille maximale : " + files::size_label(files::max_file_bytes) + ". Formats acceptés : " +
                                files::accepted_formats() + ".",
         FieldSpec::Control::file, 12, {}, {}, ".pdf,.odt,.docx,.odp,.pptx,.png,.jpg,.jpeg"}};
    const FormFields new_slot{{"day", typed_date(e.starts_at)}};
    const FormFields new_item{{"kind", "plenary"}, {"day", typed_date(e.starts_at)}};
    const FormFields duplicate{{"title", e.title + " (copie)"}, {"days", "364"}};
    nlohmann::json data{
        {"title", "Programme – " + e.title},
        {"event", events_pages::event_card_view(e, store::now_utc_seconds())},
        {"published", e.published},
        {"slots", slots},
        {"has_slots", !slots.empty()},
        {"items", item_list},
        {"has_items", !item_list.empty()},
        {"new_slot_open", refused(refusal, "creneau-nouveau")},
        {"new_item_open", refused(refusal, "intervention-nouvelle")},
        {"duplicate_open", refused(refusal, "dupliquer")},
        {"links", links},
        {"files", file_list},
        {"has_documents", !links.empty() || !file_list.empty()},
        {"file_open", refused(refusal, "fichier")},
        {"file_html", form_html(app, visitor, "fichier", base(slug) + "/fichiers", "Déposer le fichier", file_fields, {}, refusal)},
        {"link_open", refused(refusal, "document")},
        {"link_html", form_html(app, visitor, "document", base(slug) + "/documents", "Publier le document", link_fields, {}, refusal)},
        {"new_slot_html", form_html(app, visitor, "creneau-nouveau", base(slug) + "/programme/creneaux", "Ajouter le créneau",
                                    slot_fields(), new_slot, refusal)},
        {"new_item_html", form_html(app, visitor, "intervention-nouvelle", base(slug) + "/programme/interventions",
                                    "Ajouter l’intervention", item_fields(slot_options), new_item, refusal)},
        {"duplicate_html", form_html(app, visitor, "dupliquer", base(slug) + "/dupliquer", "Dupliquer l’événement",
                                     duplicate_fields(), duplicate, refusal, true)}};
    if (refusal) data["refused"] = refusal->summary;
    return app.page(visitor, "events/admin_programme", data, refusal ? 422 : 200);
}

template <class T>
Response after(const App& app, Visitor& visitor, const Result<T>& done, const std::string& slug, const std::string& key,
               const FormFields& typed, const std::string& anchor) {
    if (done.ok()) return redirect_to(base(slug) + "/programme" + anchor);
    if (done.failure().kind == FailureKind::not_found || done.failure().kind == FailureKind::forbidden)
        return failed(app, visitor, done.failure());
    const auto refusal = refusal_of(key, typed, done.failure());
    return programme_view(app, visitor, slug, &refusal);
}

}  // namespace

Response new_event_page(const App& app, Visitor& visitor) {
    return app.page(visitor, "events/admin_new",
                    {{"title", "Nouvel événement – Administration"},
                     {"form_html", form_html(app, visitor, "evenement", "/admin/evenements/nouveau", "Créer l’événement",
                                             event_fields(), {{"capacity", "100"}}, nullptr)}});
}

Response new_event_submit(const App& app, Visitor& visitor, const FormFields& form) {
    const events::EventForm typed{field(form, "title"),        field(form, "slug"),        field(form, "kind"),
                                  field(form, "start_date"),   field(form, "start_time"),  field(form, "end_date"),
                                  field(form, "end_time"),     field(form, "venue"),       field(form, "address"),
                                  field(form, "pmr_access"),   field(form, "meals"),       field(form, "online_policy"),
                                  field(form, "capacity"),     field(form, "summary"),     field(form, "description"),
                                  field(form, "organisers"),   field(form, "contacts")};
    auto done = services::create_event_from_form(app.db(), visitor.user->id, typed);
    if (done) return redirect_to(base(done.value()) + "/programme");
    const auto refusal = refusal_of("evenement", form, done.failure());
    return app.page(visitor, "events/admin_new",
                    {{"title", "Nouvel événement – Administration"},
                     {"refused", refusal.summary},
                     {"form_html", form_html(app, visitor, "evenement", "/admin/evenements/nouveau", "Créer l’événement",
                                             event_fields(), {}, &refusal)}},
                    422);
}

Response programme_page(const App& app, Visitor& visitor, const std::string& slug) {
    return programme_view(app, visitor, slug, nullptr);
}

Response duplicate_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug) {
    auto done = services::duplicate_event(app.db(), visitor.user->id, slug,
                                          {field(form, "title"), field(form, "slug"), field(form, "days")});
    if (done) return redirect_to(base(done.value()) + "/programme");
    return after(app, visitor, done, slug, "dupliquer", form, "");
}

Response slot_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug, long long slot_id) {
    auto done = services::save_event_slot(app.db(), visitor.user->id, slug, slot_id, slot_form(form));
    return after(app, visitor, done, slug, slot_id ? "creneau-" + std::to_string(slot_id) : "creneau-nouveau", form, "#creneaux");
}

Response item_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug, long long item_id) {
    auto done = services::save_event_item(app.db(), visitor.user->id, slug, item_id, item_form(form), app.mail_context());
    return after(app, visitor, done, slug, item_id ? "intervention-" + std::to_string(item_id) : "intervention-nouvelle", form,
                 "#interventions");
}

Response speaker_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug, long long item_id) {
    auto done = services::add_item_speaker(app.db(), visitor.user->id, slug, item_id,
                                           {field(form, "speaker_id"), field(form, "full_name"), field(form, "function_title"),
                                            field(form, "organisation"), field(form, "role")});
    return after(app, visitor, done, slug, "intervenant-" + std::to_string(item_id), form, "#interventions");
}

Response link_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug) {
    auto done = services::add_event_link(app.db(), visitor.user->id, slug, field(form, "title"), field(form, "url"));
    return after(app, visitor, done, slug, "document", form, "#documents");
}

Response link_remove(const App& app, Visitor& visitor, const std::string& slug, long long link_id) {
    auto done = services::remove_event_link(app.db(), visitor.user->id, slug, link_id);
    if (!done) return failed(app, visitor, done.failure());
    return redirect_to(base(slug) + "/programme#documents");
}

Response file_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug,
                     const files::FileStorage& storage) {
    auto multipart = read_multipart_form(req);
    if (!multipart) return app.error_page(visitor, 400, "Formulaire invalide", multipart.failure().message);
    const auto* file = multipart->file("file");
    const services::EventFileUpload upload{field(form, "title"), file ? file->filename : std::string{},
                                           file ? file->bytes : std::string_view{}};
    auto done = services::add_event_file(app.db(), storage, visitor.user->id, slug, upload);
    return after(app, visitor, done, slug, "fichier", form, "#documents");
}

Response file_remove(const App& app, Visitor& visitor, const std::string& slug, long long event_file_id,
                     const files::FileStorage& storage) {
    auto done = services::remove_event_file(app.db(), storage, visitor.user->id, slug, event_file_id);
    if (!done) return failed(app, visitor, done.failure());
    return redirect_to(base(slug) + "/programme#documents");
}

}  // namespace ateliers::web::events_editor
