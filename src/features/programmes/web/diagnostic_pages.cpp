#include <cmath>

#include <nlohmann/json.hpp>

#include "features/programmes/services/assessments.hpp"
#include "features/programmes/web/evidence_view.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/core/text.hpp"
#include "platform/files/media_types.hpp"
#include "platform/files/upload_rules.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/file_download.hpp"
#include "platform/http/multipart_form.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::programmes_pages {

namespace {

std::string id_text(long long id) { return std::to_string(id); }

// Year 0 is the diagnostic; years 1..3 the annual reviews' rating, same form.
std::string form_path(const std::string& slug, long long territory_id, int year) {
    return territory_path(slug, territory_id) + (year == 0 ? "/diagnostic" : "/bilans/" + std::to_string(year) + "/cotation");
}

// What the form shows: the stored values, or what was typed when the form comes back.
struct Shown {
    const FormFields* typed = nullptr;
    const services::AssessmentView* view = nullptr;

    std::string identity(const std::string& name, const std::string& stored) const {
        return typed ? field(*typed, name) : stored;
    }
    std::string answer(const char* prefix, long long criterion, const std::string& stored) const {
        return typed ? field(*typed, prefix + id_text(criterion)) : stored;
    }
};

nlohmann::json form_view(const services::AssessmentView& v, const Shown& shown,
                         const std::map<std::string, std::string>& errors) {
    nlohmann::json families = nlohmann::json::array();
    for (std::size_t f = 0; f < v.grid.families.size(); ++f) {
        const auto& fam = v.grid.families[f];
        nlohmann::json criteria = nlohmann::json::array();
        for (const auto& c : v.grid.criteria) {
            if (c.family_code != fam.code) continue;
            const auto stored = v.answers.count(c.id) ? v.answers.at(c.id) : store::AnswerRow{};
            const auto level = shown.answer("level_", c.id, stored.level ? std::to_string(*stored.level) : "");
            nlohmann::json levels = nlohmann::json::array();
            for (std::size_t i = 0; i < v.grid.levels.size(); ++i) {
                const auto value = std::to_string(v.grid.levels[i].value);
                levels.push_back({{"value", value},
                                  {"label", v.grid.levels[i].label},
                                  {"descriptor", i < c.level_descriptors.size() ? c.level_descriptors[i] : ""},
                                  {"checked", value == level},
                                  {"input_id", "level_" + id_text(c.id) + "_" + value}});
            }
            const auto key = "level_" + id_text(c.id);
            nlohmann::json item{{"id", c.id},
                                {"title", c.title},
                                {"description", c.description},
                                {"levels", levels},
                                {"level_text", level.empty() ? std::string("non évalué") : level},
                                {"evidence", shown.answer("evidence_", c.id, stored.evidence)},
                                {"strengths", shown.answer("strengths_", c.id, stored.strengths)},
                                {"gaps", shown.answer("gaps_", c.id, stored.gaps)},
                                {"files", evidence_files_view(v, c.id)},
                                {"has_files", v.evidence_files.count(c.id) > 0}};
            if (errors.count(key)) item["problem"] = errors.at(key);
            const auto file_key = services::evidence_file_field(c.id);
            if (errors.count(file_key)) item["file_problem"] = errors.at(file_key);
            criteria.push_back(item);
        }
        const auto& score = v.scores.size() > f ? v.scores[f] : programmes::FamilyScore{};
        families.push_back({{"code", fam.code},
                            {"title", fam.title},
                            {"description", fam.description},
                            {"criteria", criteria},
                            {"score", score.percent ? std::to_string(static_cast<int>(std::lround(*score.percent))) + " %"
                                                    : std::string("non évaluée")},
                            {"rated", std::to_string(score.rated) + "/" + std::to_string(score.criteria)}});
    }
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& l : v.grid.levels) levels.push_back({{"value", l.value}, {"label", l.label}, {"descriptor", l.descriptor}});
    const auto& a = v.assessment;
    nlohmann::json identity = nlohmann::json::array();
    if (a.year == 0) {
        identity = nlohmann::json::array({
            {{"name", "history"}, {"label", "Histoire"}, {"value", shown.identity("history", a.history)}},
            {{"name", "geography"}, {"label", "Géographie"}, {"value", shown.identity("geography", a.geography)}},
            {{"name", "culture"}, {"label", "Culture"}, {"value", shown.identity("culture", a.culture)}},
            {{"name", "main_actors"},
             {"label", "Principaux acteurs institutionnels et économiques"},
             {"value", shown.identity("main_actors", a.main_actors)}},
            {{"name", "interactions"},
             {"label", "Modalités habituelles d’interaction entre les habitants"},
             {"value", shown.identity("interactions", a.interactions)}},
        });
    } else {
        identity.push_back({{"name", "successes"},
                            {"label", "Réussites à célébrer"},
                            {"value", shown.identity("successes", a.successes)}});
    }
    return {{"families", families}, {"scale", levels}, {"identity", identity}};
}

Response render(const App& app, Visitor& visitor, const services::AssessmentView& v, const Shown& shown,
                const std::map<std::string, std::string>& errors, const std::string& summary, const std::string& notice,
                int status) {
    auto data = form_view(v, shown, errors);
    const int year = v.assessment.year;
    data["heading"] = year == 0 ? "Diagnostic" : "Bilan annuel, année " + std::to_string(year);
    data["identity_title"] = year == 0 ? "Identité du territoire" : "Réussites de l’année";
    data["submit"] = year == 0 ? "Enregistrer le diagnostic" : "Enregistrer la cotation du bilan";
    data["review_link"] = year == 0 ? "" : territory_path(v.programme.slug, v.territory.id) + "/bilans/" + std::to_string(year);
    data["title"] = data["heading"].get<std::string>() + " – " + v.territory.label;
    data["programme"] = {{"slug", v.programme.slug}, {"title", v.programme.title}};
    data["territory"] = {{"id", v.territory.id}, {"label", v.territory.label}, {"demo", v.territory.demo},
                         {"path", territory_path(v.programme.slug, v.territory.id)}};
    data["grid"] = {{"id", v.grid.id}, {"version", v.grid.version}, {"title", v.grid.title},
                    {"notice", v.grid.notice}, {"is_default", v.grid.is_default}};
    data["started"] = v.assessment.id != 0;
    // The ANCT starts a diagnostic or a review on the version it chooses (a GET form: the
    // page is built again on that version; nothing is stored until the form below is saved).
    if (v.versions.size() > 1) {
        nlohmann::json options = nlohmann::json::array();
        for (const auto& g : v.versions)
            options.push_back({{"id", g.id},
                               {"label", "Version " + std::to_string(g.version) +
                                             (&g == &v.versions.front() ? " (la plus récente)" : "") + " – " + g.title},
                               {"selected", g.id == v.grid.id}});
        data["choose_grid"] = {{"options", options}};
    }
    data["can_edit"] = v.can_edit;
    data["errors"] = form_errors_view(summary, errors);
    data["notice"] = notice;
    data["action"] = form_path(v.programme.slug, v.territory.id, year);
    data["file_hint"] = "Taille maximale : " + files::size_label(files::max_file_bytes) + " par fichier. Formats acceptés : " +
                        files::accepted_formats() + ".";
    return render_page(app, visitor, "programmes/diagnostic", data, status);
}

}  // namespace

Response diagnostic_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         long long territory_id, int year) {
    if (!visitor.user) return login_first(form_path(slug, territory_id, year));
    if (year < 0 || year > 3) return app.error_page(visitor, 404, "Bilan introuvable", "Bilan annuel introuvable.");
    const auto asked = text::parse_bounded_integer(req.query_param("grille"), 1, 1'000'000'000);
    auto v = services::open_assessment(app.db(), user_of(visitor), slug, territory_id, year, asked);
    if (!v) return app.error_page(visitor, http_status(v.failure()), "Diagnostic indisponible", v.failure().message);
    const std::string notice =
        req.query_param("message") == "enregistre" ? (year == 0 ? "Diagnostic enregistré." : "Cotation du bilan enregistrée.") : "";
    return render(app, visitor, v.value(), {nullptr, &v.value()}, {}, "", notice, 200);
}

Response diagnostic_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                           const std::string& slug, long long territory_id, int year, const files::FileStorage& storage) {
    if (!visitor.user) return login_first(form_path(slug, territory_id, year));
    if (year < 0 || year > 3) return app.error_page(visitor, 404, "Bilan introuvable", "Bilan annuel introuvable.");
    const auto posted_version = text::parse_bounded_integer(field(form, "grid_version_id"), 1, 1'000'000'000);
    // A new assessment is built again on the version the form was made from, so the
    // criteria read below are that version's.
    auto v = services::open_assessment(app.db(), user_of(visitor), slug, territory_id, year, posted_version);
    if (!v) return app.error_page(visitor, http_status(v.failure()), "Diagnostic indisponible", v.failure().message);
    services::AssessmentInput in;
    in.grid_version_id = posted_version.value_or(0);
    in.identity.history = field(form, "history");
    in.identity.geography = field(form, "geography");
    in.identity.culture = field(form, "culture");
    in.identity.main_actors = field(form, "main_actors");
    in.identity.interactions = field(form, "interactions");
    in.identity.successes = field(form, "successes");
    std::optional<MultipartForm> multipart;
    if (is_multipart_form(req)) {
        auto read = read_multipart_form(req);
        if (!read) return app.error_page(visitor, 400, "Formulaire invalide", read.failure().message);
        multipart = std::move(read.value());
    }
    std::map<std::string, std::string> errors;
    for (const auto& c : v->grid.criteria) {
        store::AnswerRow a;
        a.criterion_id = c.id;
        a.grid_version_id = in.grid_version_id;
        const auto level_text = field(form, "level_" + id_text(c.id));
        if (!level_text.empty()) {
            // A wide bound on purpose: the grid's rule says which levels exist, and says so.
            if (auto level = text::parse_bounded_integer(level_text, 0, 1000)) a.level = static_cast<int>(*level);
            else errors["level_" + id_text(c.id)] = "Choisissez un niveau de l’échelle.";
        }
        a.evidence = field(form, "evidence_" + id_text(c.id));
        a.strengths = field(form, "strengths_" + id_text(c.id));
        a.gaps = field(form, "gaps_" + id_text(c.id));
        if (multipart)
            for (const auto& f : multipart->files)
                if (f.field == services::evidence_file_field(c.id)) in.evidence_uploads.push_back({c.id, f.filename, f.bytes});
        if (v->evidence_files.count(c.id))
            for (const auto& f : v->evidence_files.at(c.id))
                if (field(form, "remove_evidence_" + id_text(f.id)) == "1") in.evidence_removed.push_back(f.id);
        for (const auto* text_field : {&a.evidence, &a.strengths, &a.gaps})
            if (text_field->size() > 4000) errors["level_" + id_text(c.id)] = "Chaque texte est limité à 4 000 caractères.";
        in.answers.push_back(std::move(a));
    }
    const std::string summary = "Le diagnostic n’est pas encore enregistré : corrigez les champs signalés.";
    if (!errors.empty()) return render(app, visitor, v.value(), {&form, &v.value()}, errors, summary, "", 422);
    auto saved = services::save_assessment(app.db(), user_of(visitor), slug, territory_id, year, in, &storage);
    if (saved) return redirect_to(form_path(slug, territory_id, year) + "?message=enregistre");
    const auto& f = saved.failure();
    if (f.kind == FailureKind::technical || f.kind == FailureKind::forbidden)
        return app.error_page(visitor, http_status(f), "Diagnostic non enregistré", f.message);
    for (const auto& [k, m] : f.fields) errors.emplace(k, m);
    if (errors.empty()) errors["form"] = f.message;
    return render(app, visitor, v.value(), {&form, &v.value()}, errors, f.fields.empty() ? f.message : summary, "",
                  http_status(f));
}

Response evidence_download(const App& app, Visitor& visitor, const files::FileStorage& storage, const std::string& slug,
                           long long territory_id, long long evidence_id) {
    const auto path = evidence_file_path(slug, territory_id, evidence_id);
    if (!visitor.user) return login_first(path);
    auto download = services::evidence_file_download(app.db(), storage, user_of(visitor), slug, territory_id, evidence_id);
    if (!download) {
        const auto& f = download.failure();
        return app.error_page(visitor, http_status(f), f.kind == FailureKind::forbidden ? "Accès refusé" : "Fichier introuvable",
                              f.message);
    }
    return file_download(download->file, std::move(download->bytes));
}

}  // namespace ateliers::web::programmes_pages
