#pragma once
// Errors as values at layer boundaries: a service returns either a value or a
// French message meant for the person who acted, plus the form field it concerns.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ateliers {

struct Failure {
    std::string message;     // French, shown to the user as is
    std::string field = {};  // form field the message belongs to, empty for the whole form
    int status = 400;        // HTTP status a handler should answer with
    std::map<std::string, std::string> fields = {};  // every field in error, for forms
};

template <class T>
class Result {
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

inline Failure fail(std::string message, std::string field = {}, int status = 400) {
    return Failure{std::move(message), std::move(field), status};
}

}  // namespace ateliers
