// Test helpers: the webhook fixtures under tests/fixtures/webhooks/ and their signature vectors.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/dedupe.h"
#include "tactful/adapters/webhooks/parse.h"

namespace tactful::webhooks::testing {

inline std::string fixture(const std::string& vendor, const std::string& name) {
  const std::string path =
      std::string(TACTFUL_SOURCE_DIR) + "/tests/fixtures/webhooks/" + vendor + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A string field at a '/'-separated path of a vector file ("derived_vector/secret").
inline std::string vector_field(const std::string& vendor, const std::string& path) {
  rapidjson::Document doc;
  const std::string text = fixture(vendor, "signature-vector.json");
  doc.Parse(text.data(), text.size());  // bounded: RapidJSON with SSE2 reads ahead otherwise
  const rapidjson::Value* v = &doc;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    const std::string key = path.substr(pos, end - pos);
    if (!v->IsObject() || !v->HasMember(key.c_str())) {
      ADD_FAILURE() << "no " << path << " in " << vendor << " vector";
      return {};
    }
    v = &(*v)[key.c_str()];
    pos = end + 1;
  }
  return v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
}

// Parses and expects success.
inline NormalizedEvent parsed(Vendor vendor, const std::string& body, ParseOptions options = {}) {
  auto r = parse(vendor, body, options);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : NormalizedEvent{};
}

inline std::string parse_error(Vendor vendor, const std::string& body, ParseOptions options = {}) {
  auto r = parse(vendor, body, options);
  EXPECT_FALSE(r.ok()) << "parsed unexpectedly: " << body.substr(0, 200);
  return r.ok() ? std::string() : r.error().message;
}

inline std::chrono::sys_seconds unix_time(long long s) {
  return std::chrono::sys_seconds{std::chrono::seconds{s}};
}

// A signature-checked integration "acme" of `vendor` with its own delivery de-duplication.
inline IntegrationAuth signed_by(Vendor vendor, SignatureScheme scheme, std::string secret) {
  IntegrationAuth a;
  a.vendor = vendor;
  a.integration = "acme";
  a.method = AuthMethod::signature;
  a.scheme = scheme;
  a.secret = std::move(secret);
  a.deliveries = std::make_shared<DeliveryDeduper>(100);
  return a;
}

}  // namespace tactful::webhooks::testing
