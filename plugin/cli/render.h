// Human-readable output: each hint shown under the words it is about.
#pragma once

#include <iosfwd>

#include "tactful/adapters/native_json.h"

namespace tactful::cli {

void render_report(std::ostream& out, const SuggestRequest& request, const Report& report);

}  // namespace tactful::cli
