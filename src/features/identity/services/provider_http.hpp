#pragma once
// The few HTTP calls to the identity provider (discovery, keys, token, userinfo), with
// libcurl and short timeouts: a person is waiting on the other end of each.
#include <string>

#include "platform/core/result.hpp"

namespace ateliers::identity {

struct ProviderAnswer {
    long status = 0;
    std::string content_type;  // lower-case, parameters removed ("application/jwt")
    std::string body;
};

// A failure (kind unavailable, French message) when the provider cannot be reached;
// any HTTP status is an answer.
Result<ProviderAnswer> provider_get(const std::string& url, const std::string& bearer_token = {});
Result<ProviderAnswer> provider_post_form(const std::string& url, const std::string& body);

}  // namespace ateliers::identity
