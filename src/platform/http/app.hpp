#pragma once
// The web application: turns a Request into a Response. Holds no mutable state;
// everything lasting lives in the database.
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "platform/core/source_dir.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/store/database.hpp"
#include "platform/http/csrf.hpp"
#include "platform/http/http.hpp"
#include "platform/http/page_cache.hpp"
#include "platform/http/views.hpp"

namespace ateliers::modules {
class Registry;
}

namespace ateliers::web {

// The hosting provider named in the legal notice (LCEN, art. 6): only the operator
// of an installation knows it, so it comes from the configuration.
struct HostInfo {
    std::string name;
    std::string address;
    std::string phone;
};

struct WebConfig {
    std::string base_url = "http://127.0.0.1:8080";  // links in e-mails
    std::string assets_dir = source_dir();         // holds templates/, static/, node_modules/
    std::size_t max_body_bytes = 1024 * 1024;
    std::chrono::milliseconds public_page_ttl{3000};  // 0 disables the anonymous page cache
    // Key of the CSRF tokens; the processes of one site must share it. Empty: a random
    // key for this process only (tokens then die with it).
    std::string csrf_secret;
    HostInfo host;
};

// What we know about the person behind one request.
struct Visitor {
    std::optional<services::CurrentUser> user;
    std::string session_token;
    bool csrf_cookie_is_new = false;
    bool secure_transport = false;

    // The CSRF token of this visitor's forms. Issued on first use when the request
    // brought none: most requests without a cookie (health checks, assets, the API,
    // cached pages) never render a form and so never pay for one.
    const std::string& csrf_token() const {
        if (csrf_token_.empty() && csrf_issuer_) csrf_token_ = csrf_issuer_->issue(session_token);
        return csrf_token_;
    }
    void accept_csrf_token(std::string token) { csrf_token_ = std::move(token); }
    void issue_csrf_from(const CsrfTokens& issuer) { csrf_issuer_ = &issuer; }

private:
    mutable std::string csrf_token_;
    const CsrfTokens* csrf_issuer_ = nullptr;
};

class App {
public:
    // The platform's own pages (accounts, static pages), then each module's, in the
    // registry's order.
    App(store::Database& db, const Views& views, WebConfig config, const modules::Registry& modules);
    Response handle(const Request& request) const;

    store::Database& db() const { return db_; }
    const WebConfig& config() const { return config_; }
    const modules::Registry& modules() const { return modules_; }
    services::MailContext mail_context() const { return {config_.base_url}; }

    // A page in the site layout; `data` gets the visitor's name, CSRF token, etc.
    Response page(const Visitor& visitor, const std::string& template_name, nlohmann::json data,
                  int status = 200) const;
    // A template rendered alone, to be embedded in a page as HTML.
    std::string fragment(const std::string& template_name, const nlohmann::json& data) const;
    Response error_page(const Visitor& visitor, int status, const std::string& title,
                        const std::string& message) const;

private:
    Response route(const Request& request, Visitor& visitor) const;
    void rotate_csrf_on_session_change(const Visitor& visitor, Response& response) const;
    store::Database& db_;
    const Views& views_;
    WebConfig config_;
    const modules::Registry& modules_;
    CsrfTokens csrf_;
    PageCache public_pages_;
};

}  // namespace ateliers::web
