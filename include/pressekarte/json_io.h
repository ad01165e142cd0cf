// Writing JSON Lines safely: invalid UTF-8 in a field never aborts a batch.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace pk {

// One compact JSON line (no trailing newline); invalid UTF-8 is replaced by U+FFFD.
std::string json_line(const nlohmann::json& j);
// Pretty-printed form for humans (indent 2), with the same replacement.
std::string json_pretty(const nlohmann::json& j);

}  // namespace pk
