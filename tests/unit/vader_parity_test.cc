// Parity with the unmodified Python vaderSentiment v3.3.1 on the ICWSM-14 ground truth
// (Hutto & Gilbert 2014). The oracle is vader_v3.3.1_reference_scores.tsv, produced by the
// Python on the four *_GroundTruth.txt files read as latin-1 with CRLF stripped.
//   - a 3,000-text sample kept in the repo (tests/data/vader_reference_sample.tsv);
//   - the full 23,703 texts from ../shared next to the repo, skipped when that is absent.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tactful/sentiment.h"

namespace {

using tactful::SentimentScores;
using tactful::Vader;

struct Reference {
  std::string corpus, id;
  double compound = 0, neg = 0, neu = 0, pos = 0;
  std::string text;  // UTF-8
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

// The sample escapes \\, \t, \n and \r in the text column.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
  }
  return out;
}

// Every latin-1 byte is the code point of the same number, as Python decodes it.
std::string latin1_to_utf8(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

struct Parity {
  std::size_t total = 0, compound_ok = 0, all_ok = 0;
  std::vector<std::string> misses;
  double compound_share() const { return total ? double(compound_ok) / double(total) : 0; }
  double all_share() const { return total ? double(all_ok) / double(total) : 0; }
};

Parity check(const std::vector<Reference>& refs) {
  Parity p;
  for (const Reference& r : refs) {
    const SentimentScores s = Vader::instance().polarity_scores(r.text);
    // The oracle prints Python's rounded values; allow for their last digit only.
    const bool compound_ok = std::fabs(s.compound - r.compound) <= 1e-4 + 1e-9;
    const bool parts_ok = std::fabs(s.neg - r.neg) <= 1e-3 + 1e-9 &&
                          std::fabs(s.neu - r.neu) <= 1e-3 + 1e-9 &&
                          std::fabs(s.pos - r.pos) <= 1e-3 + 1e-9;
    ++p.total;
    p.compound_ok += compound_ok;
    p.all_ok += compound_ok && parts_ok;
    if ((!compound_ok || !parts_ok) && p.misses.size() < 20) {
      std::ostringstream miss;
      miss << r.corpus << ' ' << r.id << ": expected " << r.compound << ' ' << r.neg << ' ' << r.neu
           << ' ' << r.pos << ", got " << s.compound << ' ' << s.neg << ' ' << s.neu << ' ' << s.pos
           << " | " << r.text;
      p.misses.push_back(miss.str());
    }
  }
  return p;
}

void report(const char* what, const Parity& p) {
  std::printf("[ VADER    ] %s: %zu texts, compound within 1e-4: %zu (%.3f%%), all four: %zu\n",
              what, p.total, p.compound_ok, 100.0 * p.compound_share(), p.all_ok);
  for (const std::string& m : p.misses) std::printf("  miss %s\n", m.c_str());
}

const std::filesystem::path kRepo = TACTFUL_SOURCE_DIR;

TEST(VaderParity, ReferenceSample) {
  std::ifstream in(kRepo / "tests/data/vader_reference_sample.tsv", std::ios::binary);
  ASSERT_TRUE(in) << "tests/data/vader_reference_sample.tsv missing";
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line, "corpus\tid\tcompound\tneg\tneu\tpos\ttext");
  std::vector<Reference> refs;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split_tabs(line);
    ASSERT_EQ(f.size(), 7u) << line;
    refs.push_back({f[0], f[1], std::stod(f[2]), std::stod(f[3]), std::stod(f[4]), std::stod(f[5]),
                    unescape(f[6])});
  }
  ASSERT_GE(refs.size(), 2900u);
  const Parity p = check(refs);
  report("sample", p);
  EXPECT_GE(p.compound_share(), 0.999);
  EXPECT_GE(p.all_share(), 0.999);
}

TEST(VaderParity, FullIcwsm2014GroundTruth) {
  const std::filesystem::path dir = kRepo / "../shared/data/corpora/vader_icwsm2014";
  if (!std::filesystem::exists(dir / "vader_v3.3.1_reference_scores.tsv")) {
    GTEST_SKIP() << dir << " is absent";
  }
  std::map<std::pair<std::string, std::string>, std::string> texts;
  for (const char* corpus :
       {"tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"}) {
    std::ifstream in(dir / (std::string(corpus) + "_GroundTruth.txt"), std::ios::binary);
    ASSERT_TRUE(in) << corpus;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t t1 = line.find('\t');
      const std::size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
      if (t2 == std::string::npos) continue;
      texts[{corpus, line.substr(0, t1)}] = latin1_to_utf8(line.substr(t2 + 1));
    }
  }
  std::ifstream in(dir / "vader_v3.3.1_reference_scores.tsv", std::ios::binary);
  std::string line;
  std::getline(in, line);  // corpus id gold_mean neg neu pos compound
  std::vector<Reference> refs;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split_tabs(line);
    ASSERT_EQ(f.size(), 7u) << line;
    const auto text = texts.find({f[0], f[1]});
    ASSERT_NE(text, texts.end()) << f[0] << ' ' << f[1];
    refs.push_back({f[0], f[1], std::stod(f[6]), std::stod(f[3]), std::stod(f[4]), std::stod(f[5]),
                    text->second});
  }
  EXPECT_EQ(refs.size(), 23703u);
  const Parity p = check(refs);
  report("ICWSM-14 ground truth", p);
  EXPECT_GE(p.compound_share(), 0.999);
  EXPECT_GE(p.all_share(), 0.999);
}

}  // namespace
