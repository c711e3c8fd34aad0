#include "features/identity/services/provider_http.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <memory>

#include "platform/core/text.hpp"

namespace ateliers::identity {

namespace {

constexpr long connect_timeout_ms = 5000;
constexpr long total_timeout_ms = 10000;
constexpr std::size_t max_answer_bytes = 1024 * 1024;

struct Sink {
    std::string body;
    bool too_big = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const auto n = size * count;
    if (sink->body.size() + n > max_answer_bytes) {
        sink->too_big = true;
        return 0;  // aborts the transfer
    }
    sink->body.append(data, n);
    return n;
}

Failure provider_down() {
    return fail("ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec "
                "votre adresse e-mail et votre mot de passe.",
                {}, FailureKind::unavailable);
}

Result<ProviderAnswer> perform(const std::string& url, const std::string* post_body, const std::string& bearer) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return provider_down();
    Sink sink;
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json, application/jwt");
    if (!bearer.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + bearer).c_str());
    if (post_body) headers = curl_slist_append(headers, "Content-Type: application/x-www-form-urlencoded");
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers, curl_slist_free_all);
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, total_timeout_ms);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    if (post_body) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, post_body->c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(post_body->size()));
    }
    const auto code = curl_easy_perform(h);
    if (code != CURLE_OK || sink.too_big) {
        spdlog::warn("proconnect: {} {}: {}", post_body ? "POST" : "GET", url,
                     sink.too_big ? "answer too large" : curl_easy_strerror(code));
        return provider_down();
    }
    ProviderAnswer answer;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &answer.status);
    char* type = nullptr;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
    if (type) {
        std::string t(type);
        answer.content_type = text::lower_ascii(text::trim(t.substr(0, t.find(';'))));
    }
    answer.body = std::move(sink.body);
    return answer;
}

}  // namespace

Result<ProviderAnswer> provider_get(const std::string& url, const std::string& bearer_token) {
    return perform(url, nullptr, bearer_token);
}

Result<ProviderAnswer> provider_post_form(const std::string& url, const std::string& body) {
    return perform(url, &body, {});
}

}  // namespace ateliers::identity
