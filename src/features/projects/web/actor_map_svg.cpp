#include "features/projects/web/actor_map_svg.hpp"

#include <cstdio>
#include <map>

#include "platform/core/text.hpp"

namespace ateliers::web::project_pages {

namespace {

using text::escape_html;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Colour is never the only cue: the table and the description say the stance in words.
const char* stance_fill(const std::string& stance) {
    if (stance == "soutien") return "#b8fec9";
    if (stance == "reserve") return "#feecc2";
    if (stance == "oppose") return "#ffd8d8";
    return "#eeeeee";
}

}  // namespace

std::string shorten(const std::string& s, std::size_t max) {
    std::size_t chars = 0, i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (chars == max) return s.substr(0, i) + "…";
        i += len;
        ++chars;
    }
    return s;
}

std::string actor_map_svg(const services::ActorMapView& map, const std::string& move_url, const std::string& csrf) {
    namespace pj = projects;
    const auto& layout = map.layout;
    std::map<long long, const store::ActorRow*> actors;
    for (const auto& a : map.actors) actors[a.id] = &a;
    std::map<long long, const store::ActorLinkRow*> links;
    for (const auto& l : map.links) links[l.id] = &l;

    std::string desc = std::to_string(map.actors.size()) + " acteur(s), " + std::to_string(map.links.size()) +
                       " lien(s), placés selon le schéma actantiel.";
    for (const auto& z : layout.zones) {
        std::string names;
        for (const auto& a : map.actors)
            if (a.actant == pj::actant_name(z.actant)) names += (names.empty() ? "" : ", ") + a.name;
        desc += " " + pj::actant_label(z.actant) + " : " + shorten(names, 300) + ".";
    }
    desc += " Le tableau sous la carte détaille chaque acteur et chaque lien.";

    std::string out;
    out.reserve(400 + map.actors.size() * 700 + map.links.size() * 250);
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ateliers-actor-map\" role=\"img\" "
           "aria-labelledby=\"carte-titre carte-desc\" viewBox=\"0 0 " +
           std::to_string(layout.width) + " " + std::to_string(layout.height) + "\" width=\"" +
           std::to_string(layout.width) + "\" height=\"" + std::to_string(layout.height) + "\"";
    if (!move_url.empty())
        out += " data-move-url=\"" + escape_html(move_url) + "\" data-csrf=\"" + escape_html(csrf) + "\"";
    out += ">";
    out += "<title id=\"carte-titre\">Carte des acteurs du projet « " + escape_html(map.project.title) + " »</title>";
    out += "<desc id=\"carte-desc\">" + escape_html(desc) + "</desc>";
    out += "<defs><marker id=\"fleche-influence\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
           "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#000091\"/></marker>"
           "<marker id=\"fleche-action\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
           "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c9191e\"/></marker></defs>";
    for (const auto& z : layout.zones) {
        out += "<g class=\"zone\"><rect x=\"" + std::to_string(z.x) + "\" y=\"" + std::to_string(z.y) + "\" width=\"" +
               std::to_string(z.width) + "\" height=\"" + std::to_string(z.height) +
               "\" rx=\"8\" fill=\"#f6f6f6\" stroke=\"#cecece\"/><text x=\"" + std::to_string(z.x + 12) + "\" y=\"" +
               std::to_string(z.y + 19) + "\" font-size=\"14\" font-weight=\"bold\" fill=\"#3a3a3a\">" +
               escape_html(pj::actant_label(z.actant)) + "</text></g>";
    }
    for (const auto& s : layout.links) {
        const auto* l = links[s.id];
        const bool action = l && l->kind == "action";
        out += "<line class=\"lien\" data-link-id=\"" + std::to_string(s.id) + "\" x1=\"" + num(s.x1) + "\" y1=\"" +
               num(s.y1) + "\" x2=\"" + num(s.x2) + "\" y2=\"" + num(s.y2) + "\" stroke=\"" +
               (action ? "#c9191e" : "#000091") + "\" stroke-width=\"1.6\"" +
               (action ? " stroke-dasharray=\"6 4\" marker-end=\"url(#fleche-action)\"" : " marker-end=\"url(#fleche-influence)\"") +
               "/>";
        if (action && l->step) {
            const double mx = (s.x1 + s.x2) / 2, my = (s.y1 + s.y2) / 2;
            out += "<g class=\"ordre\"><circle cx=\"" + num(mx) + "\" cy=\"" + num(my) +
                   "\" r=\"10\" fill=\"#ffffff\" stroke=\"#c9191e\"/><text x=\"" + num(mx) + "\" y=\"" + num(my + 4) +
                   "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#161616\">" + std::to_string(*l->step) + "</text></g>";
        }
    }
    for (const auto& n : layout.nodes) {
        const auto* a = actors[n.id];
        if (!a) continue;
        const auto category = pj::parse_category(a->category).value_or(pj::ActorCategory::autre);
        const bool fantastique = pj::is_fantastique(category);
        out += "<g class=\"acteur\" data-actor-id=\"" + std::to_string(n.id) + "\" transform=\"translate(" +
               std::to_string(n.x) + " " + std::to_string(n.y) + ")\"><rect width=\"" +
               std::to_string(pj::map_node_width) + "\" height=\"" + std::to_string(pj::map_node_height) +
               "\" rx=\"6\" fill=\"" + stance_fill(a->stance) + "\" stroke=\"" + (fantastique ? "#000091" : "#666666") +
               "\" stroke-width=\"" + (fantastique ? "2.5" : "1") + "\"/><text x=\"8\" y=\"18\" font-size=\"13\" "
               "fill=\"#161616\">" + escape_html(shorten(a->name, 22)) + "</text><text x=\"8\" y=\"35\" font-size=\"11\" "
               "fill=\"#3a3a3a\">" + escape_html(shorten(pj::category_label(category), 18)) + " · " +
               std::to_string(a->influence) + "/" + std::to_string(a->interest) + "</text></g>";
    }
    out += "</svg>";
    return out;
}

}  // namespace ateliers::web::project_pages
