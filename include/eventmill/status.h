// eventmill's one error policy.
//
// Library functions that can fail return Status or Result<T>; they never throw across the
// public API and never exit the process. A failure on one document is reported for that
// document and the caller goes on with the next.
#ifndef EVENTMILL_STATUS_H_
#define EVENTMILL_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace eventmill {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something malformed (bad option, bad date)
  kNotFound,         // a named file, directory or entry does not exist
  kIoError,          // reading or writing failed
  kInvalidInput,     // an input document cannot be coded: binary, not UTF-8, empty, bad JSON
  kCorruptData,      // a data file (codebook, dictionary, model) is malformed
  kInternal,         // a bug in eventmill
};

// The status of an operation: ok, or a code with a message meant for the user.
class Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
  static Status CorruptData(std::string m) { return {StatusCode::kCorruptData, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid input: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  // A Result made from an ok Status would hold neither value nor error: it becomes kInternal.
  Result(Status status)  // NOLINT: implicit by design
      : state_(status.ok() ? Status::Internal("Result built from an ok Status") : std::move(status)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace eventmill

#endif  // EVENTMILL_STATUS_H_
