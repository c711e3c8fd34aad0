#pragma once
// Errors as values at layer boundaries: a service returns either a value or a
// French message meant for the person who acted, plus the form field it concerns.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ateliers {

// What kind of failure, in the caller's terms; the HTTP layer maps each to a status once
// (platform/http/failure_status.hpp), the CLI to a message.
enum class FailureKind {
    malformed,        // the request itself cannot be read
    invalid,          // well-formed, but a rule refuses a value (form fields)
    unauthenticated,  // who is asking is not known
    forbidden,        // known, but not allowed
    not_found,
    conflict,         // the state has moved on (already published, seat taken…)
    gone,             // existed, no longer does (expired link)
    too_many,         // a limit per person or per address is reached
    unavailable,      // the service is overloaded for now
    technical,        // the database or another component failed
};

struct Failure {
    std::string message;     // French, shown to the user as is
    std::string field = {};  // form field the message belongs to, empty for the whole form
    FailureKind kind = FailureKind::malformed;
    std::map<std::string, std::string> fields = {};  // every field in error, for forms
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Failure failure) : state_(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Failure& failure() const { return std::get<Failure>(state_); }

private:
    std::variant<T, Failure> state_;
};

struct Done {};
using Status = Result<Done>;

inline Failure fail(std::string message, std::string field = {}, FailureKind kind = FailureKind::malformed) {
    return Failure{std::move(message), std::move(field), kind};
}

}  // namespace ateliers
