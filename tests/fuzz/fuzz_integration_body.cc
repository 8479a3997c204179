// libFuzzer target: an admin API integration body (POST/PUT /v1/admin/integrations) read over a
// stored integration, then its stored forms read back. Properties: no crash; every refusal
// carries a message; a body that parses as an integration survives the store's round trip
// (public JSON + secrets) unchanged; no problem message quotes the stored secrets.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "integration_json.h"

namespace ts = tactful::server;

namespace {

ts::Integration stored() {
  ts::Integration in;
  in.id = "cw";
  in.tenant = "acme";
  in.vendor = tactful::webhooks::Vendor::chatwoot;
  in.webhook_secret = "stored-webhook-secret-9f8e7d";
  in.api_base_url = "https://chat.example.com";
  in.api_credentials = {{"account_id", "3"}, {"api_access_token", "stored-token-1a2b3c"}};
  return in;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rapidjson::Document d;
  // As the admin API reads a body (admin_http.cc): invalid UTF-8 is refused before this point.
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
      reinterpret_cast<const char*>(data), size);
  if (d.HasParseError()) return 0;
  static const ts::Integration old = stored();
  const bool update = size % 2 == 1;
  auto edit = ts::integration_from_request(d, "acme", update ? "cw" : "", update ? &old : nullptr);
  if (auto* p = std::get_if<ts::IntegrationProblem>(&edit)) {
    if (p->message.empty()) std::abort();  // every refusal says why
    // A stored secret in a problem is a leak unless the body itself sent those bytes (a
    // problem may quote the body's own keys).
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    for (std::string_view secret : {"stored-webhook-secret-9f8e7d", "stored-token-1a2b3c"})
      if ((p->message.find(secret) != std::string::npos ||
           p->path.find(secret) != std::string::npos) &&
          body.find(secret) == std::string_view::npos)
        std::abort();
    return 0;
  }
  const ts::Integration& in = std::get<ts::IntegrationEdit>(edit).integration;
  auto back = ts::integration_from_stored(ts::public_json(in), ts::secrets_json(in), in.tenant);
  if (!back.ok()) std::abort();
  if (ts::public_json(*back) != ts::public_json(in) ||
      ts::secrets_json(*back) != ts::secrets_json(in)) {
    std::fprintf(stderr, "stored:\n%s\n%s\nread back:\n%s\n%s\n", ts::public_json(in).c_str(),
                 ts::secrets_json(in).c_str(), ts::public_json(*back).c_str(),
                 ts::secrets_json(*back).c_str());
    std::abort();
  }
  return 0;
}
