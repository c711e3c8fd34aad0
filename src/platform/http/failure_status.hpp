#pragma once
// The one place where a failure kind becomes an HTTP status.
#include "platform/core/result.hpp"

namespace ateliers::web {

constexpr int http_status(FailureKind kind) {
    switch (kind) {
        case FailureKind::malformed: return 400;
        case FailureKind::invalid: return 422;
        case FailureKind::unauthenticated: return 401;
        case FailureKind::forbidden: return 403;
        case FailureKind::not_found: return 404;
        case FailureKind::conflict: return 409;
        case FailureKind::gone: return 410;
        case FailureKind::too_many: return 429;
        case FailureKind::unavailable: return 503;
        case FailureKind::technical: return 500;
    }
    return 500;
}

constexpr int http_status(const Failure& failure) { return http_status(failure.kind); }

}  // namespace ateliers::web
