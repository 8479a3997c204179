// The compact response JSON with an optional leading "seq" (private to adapters/native/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tactful/adapters/native_json.h"

namespace tactful::native_internal {

// report_to_json's compact text; with `seq`, {"seq":N, ...} as the WebSocket sends it, written
// in the same pass rather than inserted afterwards (which moved the whole text).
std::string compact_report_json(const Report& report, const SuggestRequest& request,
                                std::optional<std::uint64_t> seq);

}  // namespace tactful::native_internal
