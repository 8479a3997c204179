// Internal to adapters/notes: the per-vendor request builders behind request.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/adapters/notes/request.h"

namespace tactful::notes::detail {

// Reads credentials; the first problem (missing, empty, holding CR/LF or other control bytes)
// is kept as the error, naming the key, and later reads return "".
class Credentials {
 public:
  Credentials(const std::map<std::string, std::string>& map, webhooks::Vendor vendor)
      : map_(map), vendor_(webhooks::vendor_name(vendor)) {}
  std::string need(std::string_view key);
  std::optional<std::string> maybe(std::string_view key);
  void fail(std::string message);
  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }
  std::string_view vendor() const { return vendor_; }

 private:
  const std::map<std::string, std::string>& map_;
  std::string_view vendor_;
  std::optional<Error> error_;
};

// What a vendor builder gets: the normalized base URL, the checked conversation id and, for
// a post, the final note text (marker appended, valid UTF-8, not yet escaped).
struct BuildInput {
  std::string base;
  std::string_view conversation_id;
  bool post = true;
  std::string text;
};

// True for vendors whose conversation/ticket ids are numbers.
bool numeric_ids(webhooks::Vendor vendor);

// Fills `out` (auth headers, URL, body) for `vendor`; errors come through `creds`.
void build_vendor_request(webhooks::Vendor vendor, const BuildInput& in, Credentials& creds,
                          HttpRequestSpec& out);

}  // namespace tactful::notes::detail
