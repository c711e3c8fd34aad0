#include <fstream>
#include <sstream>

#include "platform/http/handlers.hpp"

namespace ateliers::web {

namespace {

std::string content_type_for(const std::string& path) {
    const auto dot = path.rfind('.');
    const auto ext = dot == std::string::npos ? std::string{} : path.substr(dot + 1);
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "woff") return "font/woff";
    if (ext == "webmanifest") return "application/manifest+json";
    if (ext == "json") return "application/json";
    return "application/octet-stream";
}

}  // namespace

// /dsfr/* comes from the @gouvfr/dsfr package, /static/* from the project.
std::optional<Response> static_file(const App& app, const Request& req) {
    std::string root, rest;
    if (req.path.rfind("/dsfr/", 0) == 0) {
        root = app.config().assets_dir + "/node_modules/@gouvfr/dsfr/dist/";
        rest = req.path.substr(6);
    } else if (req.path.rfind("/static/", 0) == 0) {
        root = app.config().assets_dir + "/static/";
        rest = req.path.substr(8);
    } else {
        return std::nullopt;
    }
    if (rest.empty() || rest.find("..") != std::string::npos || rest.find('\0') != std::string::npos)
        return plain_text(404, "Fichier introuvable.");
    std::ifstream in(root + rest, std::ios::binary);
    if (!in) return plain_text(404, "Fichier introuvable.");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    Response r;
    r.content_type = content_type_for(rest);
    r.body = buffer.str();
    r.header("Cache-Control", "public, max-age=86400");
    return r;
}

}  // namespace ateliers::web
