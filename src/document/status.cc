#include "eventmill/status.h"

namespace eventmill {

std::string Status::ToString() const {
  switch (code_) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid argument: " + message_;
    case StatusCode::kNotFound:
      return "not found: " + message_;
    case StatusCode::kIoError:
      return "i/o error: " + message_;
    case StatusCode::kInvalidInput:
      return "invalid input: " + message_;
    case StatusCode::kCorruptData:
      return "corrupt data: " + message_;
    case StatusCode::kInternal:
      return "internal error: " + message_;
  }
  return message_;
}

}  // namespace eventmill
