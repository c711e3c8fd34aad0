// /animation/SLUG/seances/N/presences (record one session) and
// /animation/SLUG/presences (rates over the cycle, what organisers follow).
#include <nlohmann/json.hpp>

#include "features/running/services/attendance.hpp"
#include "features/running/web/facilitation_routes.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::facilitation {

namespace {

using nlohmann::json;
using attendance::Presence;

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n > 1 ? many : one);
}

json counts_view(const services::AttendanceCounts& c) {
    return {{"confirmed", c.confirmed},   {"present", c.present}, {"excused", c.excused}, {"absent", c.absent},
            {"unrecorded", c.unrecorded}, {"taken", c.taken()},   {"rate", attendance::rate_text(c.rate)}};
}

Response render_session(const App& app, const Visitor& visitor, const services::SessionAttendance& a,
                        const std::string& notice, const std::string& error, int status) {
    const int number = a.session.number;
    json lines = json::array();
    for (const auto& l : a.lines) {
        // Nothing is ticked until recorded: a default would record people present
        // that nobody saw.
        json choices = json::array();
        for (auto p : {Presence::present, Presence::excused, Presence::absent})
            choices.push_back({{"value", attendance::presence_code(p)},
                               {"label", attendance::presence_label(p)},
                               {"checked", l.status == p}});
        lines.push_back({{"registration_id", l.participant.registration_id},
                         {"full_name", l.participant.full_name},
                         {"collectivite", l.participant.collectivite_label},
                         {"mandate", mandate_text(l.participant.mandate)},
                         {"recorded", l.status.has_value()},
                         {"mailed", l.mailed},
                         {"choices", choices}});
    }
    json view{{"title", "Présences – séance " + std::to_string(number) + " – " + a.cycle.title + " – Animation"},
              {"crumbs", breadcrumb(a.cycle.slug, a.cycle.title, "Présences de la séance " + std::to_string(number))},
              {"cycle", {{"slug", a.cycle.slug}, {"title", a.cycle.title}}},
              {"session_number", number},
              {"when", session_when(a.session.starts_at)},
              {"started", a.started},
              {"state_label", session_plan::session_state_label(a.state)},
              {"lines", lines},
              {"has_lines", !lines.empty()},
              {"counts", counts_view(a.counts)},
              {"present_text", plural(a.counts.present, "présence", "présences")},
              {"confirmed_text", plural(a.counts.confirmed, "participant confirmé", "participants confirmés")}};
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    return app.page(visitor, "running/session_attendance", view, status);
}

Response session_page(const App& app, const Visitor& visitor, const std::string& slug, int number,
                      const std::string& notice, const std::string& error, int status) {
    auto data = services::session_attendance(app.db(), slug, number);
    if (!data) return service_error(app, visitor, data.failure());
    if (!data.value())
        return app.error_page(visitor, 404, "Séance introuvable", "Ce cycle n’existe pas ou n’a pas cette séance.");
    return render_session(app, visitor, *data.value(), notice, error, status);
}

const char* short_status(const std::optional<Presence>& p, bool held) {
    if (!held) return p == Presence::excused ? "Absence prévue" : "À venir";
    if (!p) return "Non renseigné";
    switch (*p) {
        case Presence::present: return "Présence";
        case Presence::excused: return "Excusée";
        case Presence::absent: return "Sans excuse";
    }
    return "";
}

}  // namespace

Response session_attendance_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                                 int number) {
    std::string notice;
    if (req.query_param("enregistre") == "1") {
        notice = "Les présences sont enregistrées.";
        const auto mails = req.query_param("courriels");
        if (!mails.empty() && mails != "0")
            notice += mails == "1" ? " Un e-mail a été envoyé à la personne absente sans excuse."
                                   : " Un e-mail a été envoyé à chacune des " + mails + " personnes absentes sans excuse.";
    }
    return session_page(app, visitor, slug, number, notice, "", 200);
}

Response session_attendance_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug,
                                   int number) {
    std::map<long long, Presence> entries;
    const std::string prefix = "presence_";
    for (const auto& [name, value] : form) {
        if (name.rfind(prefix, 0) != 0) continue;
        const auto id = name.substr(prefix.size());
        Presence p;
        if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos ||
            !attendance::parse_presence(value, p))
            return session_page(app, visitor, slug, number, "", "Le formulaire envoyé est incomplet : rechargez la page.",
                                400);
        entries[std::stoll(id)] = p;
    }
    if (entries.empty())
        return session_page(app, visitor, slug, number, "",
                            "Aucune présence n’est cochée : choisissez « Présence », « Absence excusée » ou "
                            "« Absence sans excuse » pour au moins une personne, puis enregistrez.",
                            422);
    auto done = services::record_attendance(app.db(), visitor.user->id, slug, number, entries, app.mail_context());
    if (!done) {
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical || f.kind == FailureKind::not_found) return service_error(app, visitor, f);
        return session_page(app, visitor, slug, number, "", f.message, http_status(f));
    }
    return redirect_to("/animation/" + slug + "/seances/" + std::to_string(number) +
                       "/presences?enregistre=1&courriels=" + std::to_string(done->mails));
}

Response cycle_attendance_page(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    auto data = services::cycle_attendance(app.db(), slug);
    if (!data) return service_error(app, visitor, data.failure());
    if (!data.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    const auto& a = *data.value();
    json sessions = json::array();
    json headers = json::array();
    for (const auto& s : a.sessions) {
        sessions.push_back({{"number", s.session.number},
                            {"when", session_when(s.session.starts_at)},
                            {"counted", s.counted},
                            {"not_taken", s.held && !s.counted},
                            {"future", !s.held},
                            {"counts", counts_view(s.counts)}});
        headers.push_back({{"number", s.session.number}});
    }
    json people = json::array();
    for (const auto& p : a.participants) {
        json statuses = json::array();
        for (std::size_t i = 0; i < p.statuses.size(); ++i)
            statuses.push_back({{"text", short_status(p.statuses[i], a.sessions[i].held)}});
        people.push_back({{"full_name", p.participant.full_name},
                          {"collectivite", p.participant.collectivite_label},
                          {"mandate", mandate_text(p.participant.mandate)},
                          {"statuses", statuses},
                          {"attended", p.attended},
                          {"counted", p.counted},
                          {"rate", attendance::rate_text(p.rate)}});
    }
    json view{{"title", "Présences – " + a.cycle.title + " – Animation"},
              {"crumbs", breadcrumb(a.cycle.slug, a.cycle.title, "Présences")},
              {"cycle", {{"slug", a.cycle.slug}, {"title", a.cycle.title}}},
              {"sessions", sessions},
              {"headers", headers},
              {"people", people},
              {"has_people", !people.empty()},
              {"counted", a.counted},
              {"any_counted", a.counted > 0},
              {"not_taken", a.held - a.counted},
              {"any_not_taken", a.held > a.counted},
              {"rate", attendance::rate_text(a.rate)},
              {"attended", a.attended},
              {"expected", a.expected}};
    return app.page(visitor, "running/attendance", view);
}

}  // namespace ateliers::web::facilitation
