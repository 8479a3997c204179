// JsonText, the adapters' compact JSON writer: byte for byte what rapidjson::Writer writes (with
// invalid UTF-8 replaced as sanitize_utf8 does), for escapes, invalid bytes, numbers, nesting,
// and strings of every length around its 8- and 16-byte blocks.
#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "json_text.h"
#include "tactful/text.h"

namespace tactful::adapters_internal {
namespace {

// The same document through both writers: an object with each string under "s" (Utf8String)
// and "k" (String), inside an array, with numbers around it.
std::pair<std::string, std::string> both(const std::vector<std::string>& strings) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> r(buffer);
  JsonText t(16);  // small on purpose: it must grow
  r.StartObject();
  t.StartObject();
  r.Key("items");
  t.Key("items");
  r.StartArray();
  t.StartArray();
  for (const std::string& s : strings) {
    const std::string clean = sanitize_utf8(s);
    r.StartObject();
    t.StartObject();
    r.Key("s");
    t.Key("s");
    r.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
    t.Utf8String(s);
    r.Key(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
    t.Key(std::string_view(clean));
    r.Uint64(s.size());
    t.Uint64(s.size());
    r.EndObject();
    t.EndObject();
  }
  r.EndArray();
  t.EndArray();
  r.Key("n");
  t.Key("n");
  r.StartArray();
  t.StartArray();
  for (double d : {0.0, -0.0, 1.0, 0.5, -0.8016, 0.12, 1e-7, 123456789.125, 1e21, 14.0}) {
    r.Double(d);
    t.Double(d);
  }
  for (int i : {0, -1, 100, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()}) {
    r.Int(i);
    t.Int(i);
  }
  // Around the short path for numbers below 1000, and past it.
  for (std::uint64_t u : std::initializer_list<std::uint64_t>{
           0, 1, 9, 10, 11, 99, 100, 101, 110, 999, 1000, 1001, 65536, 99999999, 100000000,
           std::numeric_limits<std::uint64_t>::max()}) {
    r.Uint64(u);
    t.Uint64(u);
  }
  r.Bool(true);
  t.Bool(true);
  r.Bool(false);
  t.Bool(false);
  r.Null();
  t.Null();
  r.StartArray();
  t.StartArray();
  r.EndArray();
  t.EndArray();
  r.StartObject();
  t.StartObject();
  r.EndObject();
  t.EndObject();
  r.EndArray();
  t.EndArray();
  r.EndObject();
  t.EndObject();
  return {std::string(buffer.GetString(), buffer.GetSize()), t.take()};
}

TEST(JsonText, SameBytesAsRapidJsonForEscapesAndInvalidBytes) {
  std::vector<std::string> strings = {"",
                                      "plain",
                                      "exactly8",
                                      "quote \" backslash \\ slash / end",
                                      std::string("nul \0 inside", 12),
                                      "\b\f\n\r\t\x01\x1f\x7f",
                                      "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 \xEF\xBF\xBD",
                                      "bad \xFF\xC0 \xE2\x82 \xED\xA0\x80 end",
                                      "\xE2\x82",
                                      "0123456789abcdef\"0123456789abcdef\n"};
  // Every length from 0 to 40 with one special byte at every position.
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      for (char special : {'"', '\\', '\n', '\x01', '\xC3', '\xFF'}) {
        std::string s(n, 'a');
        s[at] = special;
        strings.push_back(s);
      }
    }
  }
  // Two special bytes at every pair of positions: the last bytes of a string are read in a block
  // that may also hold bytes already written, which must not be found again.
  for (std::size_t n = 2; n <= 34; ++n) {
    for (std::size_t first = 0; first < n; ++first) {
      for (std::size_t second = first + 1; second < n; ++second) {
        for (char special : {'"', '\x01', '\xFF'}) {
          std::string s(n, 'a');
          s[first] = special;
          s[second] = special == '"' ? '\\' : special;
          strings.push_back(s);
        }
      }
    }
  }
  const auto [rapid, ours] = both(strings);
  EXPECT_EQ(rapid, ours);
}

// Any depth, with keys and values of every kind at every level: the separators are right however
// deep the document goes (the writer keeps one pending separator, not a stack of levels).
TEST(JsonText, DeepNestingHasRapidJsonsSeparators) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> r(buffer);
  JsonText t(8);
  for (int depth = 0; depth < 100; ++depth) {
    r.StartObject();
    t.StartObject();
    r.Key("n");
    t.Key("n");
    r.Int(depth);
    t.Int(depth);
    r.Key("a");
    t.Key(std::string_view("a"));
    r.StartArray();
    t.StartArray();
    r.Null();
    t.Null();
    r.StartArray();
    t.StartArray();
    r.EndArray();
    t.EndArray();
    r.String("x");
    t.String("x");
  }
  for (int depth = 0; depth < 100; ++depth) {
    r.EndArray();
    t.EndArray();
    r.EndObject();
    t.EndObject();
  }
  EXPECT_EQ(std::string(buffer.GetString(), buffer.GetSize()), t.take());
}

// RoundedDouble(v, d) against Double of the same rounding (RapidJSON's dtoa) for every n / 10^d
// with |n| < kExact (the whole range it writes by itself: any v rounds to one of them), for
// values between them, beyond it (where dtoa writes), and for negative zero and non-finite ones.
TEST(JsonText, RoundedDoubleWritesWhatDtoaWrites) {
  const auto exact = static_cast<std::int64_t>(JsonText::kExact);
  std::uint64_t x = 88172645463325252ULL;  // xorshift
  const auto random = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int digits : {0, 1, 2, 3, 4}) {
    const double scale = std::pow(10.0, digits);
    std::vector<double> values;
    for (std::int64_t n = -exact; n <= exact; ++n) values.push_back(static_cast<double>(n) / scale);
    for (int i = 0; i < 100000; ++i) {
      const double magnitude = static_cast<double>(random() % 4000000000000ULL) / 1e6 / scale;
      values.push_back(i % 2 ? magnitude : -magnitude);
    }
    for (double v :
         {-0.0, -0.00001, 0.00004, 0.99995, 1e14 + 0.5, 1e15, 1e300, -1e300,
          std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()})
      values.push_back(v);
    for (std::size_t from = 0; from < values.size(); from += 100000) {
      JsonText ours(16), theirs(16);
      ours.StartArray();
      theirs.StartArray();
      for (std::size_t i = from; i < std::min(values.size(), from + 100000); ++i) {
        ours.RoundedDouble(values[i], digits);
        theirs.Double(std::round(values[i] * scale) / scale);
      }
      ours.EndArray();
      theirs.EndArray();
      ASSERT_EQ(ours.take(), theirs.take()) << "digits " << digits << ", from " << values[from];
    }
  }
}

TEST(JsonText, NonFiniteNumbersAreNull) {
  JsonText t(8);
  t.StartArray();
  t.Double(std::numeric_limits<double>::quiet_NaN());
  t.Double(std::numeric_limits<double>::infinity());
  t.EndArray();
  EXPECT_EQ(t.take(), "[null,null]");
}

TEST(JsonText, LongStringsGrowTheBuffer) {
  std::string big(1 << 20, 'x');
  big[12345] = '"';
  big[999999] = '\x02';
  const auto [rapid, ours] = both({big});
  EXPECT_EQ(rapid, ours);
}

// A writer takes the buffer its thread kept from the last text (stale bytes and all); one made
// while another lives gets a buffer of its own. Each text is only its own.
TEST(JsonText, KeptBufferIsReusedAndNestedWritersAreApart) {
  std::string first, outer, inner, last;
  {
    JsonText a(16);
    a.StartArray();
    a.String(std::string(5000, 'a'));
    a.EndArray();
    first = a.take();
  }
  {
    JsonText b(16);
    b.StartObject();
    {
      JsonText c(16);
      c.String("inner");
      inner = c.take();
    }
    b.Key("k");
    b.Uint64(7);
    b.EndObject();
    outer = b.take();
  }
  {
    JsonText d(16);
    d.Null();
    last = d.take();
  }
  EXPECT_EQ(first, "[\"" + std::string(5000, 'a') + "\"]");
  EXPECT_EQ(outer, R"({"k":7})");
  EXPECT_EQ(inner, R"("inner")");
  EXPECT_EQ(last, "null");
}

}  // namespace
}  // namespace tactful::adapters_internal
