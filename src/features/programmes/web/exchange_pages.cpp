#include <cmath>

#include <nlohmann/json.hpp>

#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/domain/plan_snapshot.hpp"
#include "features/programmes/services/plan_exchange.hpp"
#include "features/programmes/web/evidence_view.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/charts/charts.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/export/csv_file.hpp"
#include "platform/export/document_conversion.hpp"
#include "platform/files/upload_rules.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/multipart_form.hpp"

namespace ateliers::web::programmes_pages {

namespace {

Response download(std::string bytes, const std::string& content_type, const std::string& filename) {
    Response r;
    r.content_type = content_type;
    r.body = std::move(bytes);
    r.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    r.header("Cache-Control", "no-store");
    return r;
}

std::string percent(const std::optional<double>& v) {
    return v ? charts::format_value(*v, 0, "%") : std::string("non évaluée");
}

std::string label_of_status(const std::string& code) {
    programmes::Status s;
    return programmes::parse_status(code, s) ? programmes::status_label(s) : code;
}
std::string label_of_kind(const std::string& code) {
    programmes::ActionKind k;
    return programmes::parse_action_kind(code, k) ? programmes::action_kind_label(k) : code;
}

// Evidence files are listed, not embedded: see docs/programmes.md. In the PDF and DOCX
// (`document`), each file's address is written out in full.
nlohmann::json evidence_in_dossier(const services::AssessmentView& v, const std::string& base_url, bool document) {
    auto out = dossier_evidence_view(v, base_url);
    if (!document)
        for (auto& item : out)
            for (auto& f : item["files"]) f.erase("url");
    return out;
}

// The dossier's content, shared by the page and the PDF/DOCX document.
nlohmann::json dossier_view(const services::TerritoryDossier& d, const std::string& base_url, bool document) {
    const auto& diag = d.diagnostic;
    nlohmann::json identity = nlohmann::json::array();
    const std::pair<const char*, std::string> fields[] = {
        {"Histoire", diag.assessment.history},
        {"Géographie", diag.assessment.geography},
        {"Culture", diag.assessment.culture},
        {"Principaux acteurs", diag.assessment.main_actors},
        {"Interactions entre habitants", diag.assessment.interactions}};
    for (const auto& [label, value] : fields)
        if (!value.empty()) identity.push_back({{"label", label}, {"value", value}});
    nlohmann::json scores = nlohmann::json::array();
    for (std::size_t i = 0; i < diag.grid.families.size() && i < diag.scores.size(); ++i)
        scores.push_back({{"family", diag.grid.families[i].title}, {"score", percent(diag.scores[i].percent)},
                          {"rated", std::to_string(diag.scores[i].rated) + "/" + std::to_string(diag.scores[i].criteria)}});
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : d.plan.actions) {
        std::string years;
        for (const auto& y : programmes::split_codes(a.years)) years += (years.empty() ? "" : ", ") + y;
        actions.push_back({{"title", a.title}, {"kind", label_of_kind(a.kind)}, {"years", years},
                           {"status", label_of_status(a.status)}, {"progress", std::to_string(a.progress) + " %"},
                           {"providers", a.providers}});
    }
    nlohmann::json reviews = nlohmann::json::array();
    for (std::size_t i = 0; i < d.reviews.size(); ++i) {
        const auto& r = d.reviews[i];
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& c : r.changes) {
            std::string title = c.family_code;
            for (const auto& f : r.families)
                if (f.code == c.family_code) title = f.title;
            rows.push_back({{"family", title}, {"before", percent(c.before)}, {"after", percent(c.after)},
                            {"delta", c.delta ? charts::format_number(*c.delta, 0) + " pt" : "–"}});
        }
        nlohmann::json adjustments = nlohmann::json::array();
        for (const auto& a : r.adjustments) {
            programmes::Adjustment k;
            adjustments.push_back({{"kind", programmes::parse_adjustment(a.kind, k) ? programmes::adjustment_label(k) : a.kind},
                                   {"title", a.title}, {"reason", a.reason}});
        }
        auto evidence = i < d.review_ratings.size() ? evidence_in_dossier(d.review_ratings[i], base_url, document)
                                                    : nlohmann::json::array();
        reviews.push_back({{"year", r.year}, {"rows", rows}, {"successes", r.successes}, {"adjustments", adjustments},
                           {"has_adjustments", !adjustments.empty()}, {"evidence", evidence},
                           {"has_evidence", !evidence.empty()}});
    }
    const auto evidence = evidence_in_dossier(diag, base_url, document);
    return {{"territory", d.plan.territory.label},
            {"programme", d.plan.programme.title},
            {"demo", d.plan.territory.demo},
            {"identity", identity},
            {"has_identity", !identity.empty()},
            {"scores", scores},
            {"grid", diag.grid.title + " (version " + std::to_string(diag.grid.version) + ")"},
            {"evidence", evidence},
            {"has_evidence", !evidence.empty()},
            {"actions", actions},
            {"has_actions", !actions.empty()},
            {"adopted", d.plan.adopted ? "Version " + std::to_string(d.plan.adopted->number) + " adoptée le " +
                                             paris_time::long_date(d.plan.adopted->adopted_at.value_or(0))
                                       : std::string("Plan non adopté")},
            {"reviews", reviews},
            {"has_reviews", !reviews.empty()},
            {"printed", paris_time::long_date(store::now_utc_seconds())}};
}

}  // namespace

Response territory_actions_csv(const App& app, const Request&, Visitor& visitor, const std::string& slug,
                               long long territory_id) {
    if (!visitor.user) return login_first(territory_path(slug, territory_id) + "/plan");
    auto t = services::territory_actions_table(app.db(), user_of(visitor), slug, territory_id);
    if (!t) return app.error_page(visitor, http_status(t.failure()), "Export indisponible", t.failure().message);
    return download(spreadsheet::to_csv(t.value()), "text/csv; charset=utf-8",
                    "actions-territoire-" + std::to_string(territory_id) + ".csv");
}

Response programme_actions_csv(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first("/programmes/" + slug);
    auto t = services::programme_actions_table(app.db(), user_of(visitor), slug);
    if (!t) return app.error_page(visitor, http_status(t.failure()), "Export indisponible", t.failure().message);
    return download(spreadsheet::to_csv(t.value()), "text/csv; charset=utf-8", "actions-" + slug + ".csv");
}

Response programme_actions_xlsx(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first("/programmes/" + slug);
    auto t = services::programme_actions_table(app.db(), user_of(visitor), slug);
    if (!t) return app.error_page(visitor, http_status(t.failure()), "Export indisponible", t.failure().message);
    auto bytes = spreadsheet::to_xlsx(t.value());
    if (!bytes) return app.error_page(visitor, 500, "Export indisponible", bytes.failure().message);
    return download(std::move(bytes.value()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "actions-" + slug + ".xlsx");
}

namespace {

Response import_form(const App& app, Visitor& visitor, const services::PlanView& plan, const std::string& typed,
                     const Failure* problem) {
    const std::string base = territory_path(plan.programme.slug, plan.territory.id);
    // A refusal of the file itself (a classeur, not UTF-8…) is said under its field; the
    // lines' problems are listed in the alert, for the file or the pasted text alike.
    const bool file_refused = problem && problem->field == "csv_file" && problem->fields.count("csv_file");
    nlohmann::json lines = nlohmann::json::array();
    if (problem && !file_refused)
        for (const auto& [_, message] : problem->fields) lines.push_back(message);
    nlohmann::json data{
        {"title", "Importer des actions – " + plan.territory.label},
        {"programme", {{"slug", plan.programme.slug}, {"title", plan.programme.title}}},
        {"territory", {{"id", plan.territory.id}, {"label", plan.territory.label}, {"path", base}}},
        {"csv", typed},
        {"problem", problem ? problem->message : ""},
        {"lines", lines},
        {"file_problem", file_refused ? problem->fields.at("csv_file")
                         : problem && problem->field == "csv_file"
                             ? "Corrigez le fichier comme indiqué ci-dessus, puis choisissez-le de nouveau."
                             : ""},
        {"from_file", problem && problem->field == "csv_file"},
        {"from_paste", problem && problem->field != "csv_file"},
        {"file_hint", "Le fichier CSV exporté puis modifié, " + files::size_label(spreadsheet::max_csv_bytes) +
                          " au plus. S’il est choisi, c’est lui qui est importé."},
        {"post", base + "/plan/import"},
        {"export", base + "/plan/actions.csv"},
    };
    if (file_refused)
        data["problem"] = "Rien n’a été importé : le fichier envoyé est à remplacer (voir sous le champ « Fichier CSV »).";
    return render_page(app, visitor, "programmes/import", data, problem ? http_status(*problem) : 200);
}

}  // namespace

Response plan_import_page(const App& app, const Request&, Visitor& visitor, const std::string& slug, long long territory_id) {
    if (!visitor.user) return login_first(territory_path(slug, territory_id) + "/plan/import");
    auto plan = services::open_plan(app.db(), user_of(visitor), slug, territory_id);
    if (!plan) return app.error_page(visitor, http_status(plan.failure()), "Import indisponible", plan.failure().message);
    if (!plan->can_edit)
        return app.error_page(visitor, 403, "Import indisponible",
                              "Le plan est modifié par l’équipe du territoire, ses prestataires et l’ANCT.");
    return import_form(app, visitor, plan.value(), "", nullptr);
}

Response plan_import(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug,
                     long long territory_id) {
    if (!visitor.user) return login_first(territory_path(slug, territory_id) + "/plan/import");
    auto plan = services::open_plan(app.db(), user_of(visitor), slug, territory_id);
    if (!plan) return app.error_page(visitor, http_status(plan.failure()), "Import indisponible", plan.failure().message);
    const auto csv = field(form, "csv");
    // The form is multipart/form-data: a chosen file wins over the paste field, which
    // stays the way to import without a file.
    std::optional<MultipartForm> multipart;
    if (is_multipart_form(req)) {
        auto read = read_multipart_form(req);
        if (!read) return app.error_page(visitor, 400, "Formulaire invalide", read.failure().message);
        multipart = std::move(read.value());
    }
    const UploadedFile* file = multipart ? multipart->file("csv_file") : nullptr;
    auto imported = file ? services::import_territory_actions_file(app.db(), user_of(visitor), slug, territory_id, file->bytes)
                         : services::import_territory_actions(app.db(), user_of(visitor), slug, territory_id, csv);
    if (imported)
        return redirect_to(territory_path(slug, territory_id) + "/plan?message=importe&n=" + std::to_string(imported.value()));
    const auto& f = imported.failure();
    if (f.kind != FailureKind::invalid) return app.error_page(visitor, http_status(f), "Import refusé", f.message);
    return import_form(app, visitor, plan.value(), csv, &f);
}

Response dossier_page(const App& app, const Request&, Visitor& visitor, const std::string& slug, long long territory_id,
                      const std::string& format) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base + "/dossier");
    auto d = services::territory_dossier(app.db(), user_of(visitor), slug, territory_id);
    if (!d) return app.error_page(visitor, http_status(d.failure()), "Dossier indisponible", d.failure().message);
    auto view = dossier_view(d.value(), app.mail_context().base_url, !format.empty());
    const std::string body = render_fragment(app, "programmes/dossier_body", view);
    if (format.empty()) {
        nlohmann::json data{{"title", "Dossier – " + d->plan.territory.label},
                            {"programme", {{"slug", slug}, {"title", d->plan.programme.title}}},
                            {"territory", {{"label", d->plan.territory.label}, {"path", base}}},
                            {"body", body},
                            {"pdf", base + "/dossier.pdf"},
                            {"docx", base + "/dossier.docx"}};
        return render_page(app, visitor, "programmes/dossier", data);
    }
    const auto kind = format == "pdf" ? documents::Format::pdf : documents::Format::docx;
    const std::string html = render_fragment(app, "programmes/dossier_document", {{"title", "Dossier – " + d->plan.territory.label},
                                                                          {"body", body}});
    auto bytes = documents::convert_html(html, kind);
    if (!bytes) return app.error_page(visitor, 503, "Document indisponible", bytes.failure().message);
    return download(std::move(bytes.value()), std::string(documents::media_type(kind)),
                    "dossier-territoire-" + std::to_string(territory_id) + "." + std::string(documents::file_extension(kind)));
}

}  // namespace ateliers::web::programmes_pages
