// SHA-256 (FIPS 180-4), for naming the training data a model was built from.
#ifndef EVENTMILL_TOOLS_TRAIN_SHA256_H_
#define EVENTMILL_TOOLS_TRAIN_SHA256_H_

#include <string>
#include <string_view>

namespace eventmill::train {

std::string Sha256Hex(std::string_view data);

}  // namespace eventmill::train

#endif  // EVENTMILL_TOOLS_TRAIN_SHA256_H_
