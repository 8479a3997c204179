// `tactful sentiment`, called in-process with string streams.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"

namespace {

struct CliRun {
  int code;
  std::string out, err;
};

CliRun run(std::vector<std::string_view> args, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = tactful::cli::run_sentiment(args, in, out, err);
  return {code, out.str(), err.str()};
}

// Expected lines follow from the rules: "not good" = normalize(1.9 * -0.74) with neg
// (1.406 + 1) / (2.406 + 1); "glad but :p" sums 0.5 + 1.0 (the value-index quirk).
TEST(VaderCli, OneLinePerText) {
  const CliRun r = run({}, "The book was good.\nnot good\n\nI am so happy\r\nglad but :p");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "0.4404\t0.000\t0.508\t0.492\n"
            "-0.3412\t0.706\t0.294\t0.000\n"
            "0.0000\t0.000\t0.000\t0.000\n"
            "0.6948\t0.000\t0.388\t0.612\n"
            "0.3612\t0.000\t0.222\t0.778\n");
}

TEST(VaderCli, CorrectedMode) {
  const CliRun r = run({"--corrected"}, "I am so happy\n");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "0.6115\t0.000\t0.429\t0.571\n");
}

TEST(VaderCli, EmptyInputGivesNoOutput) {
  const CliRun r = run({}, "");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(VaderCli, ManyLinesAcrossReadChunks) {
  std::string input;
  for (int i = 0; i < 100000; ++i) input += i % 2 ? "good\n" : "bad stuff here!\n";
  const CliRun r = run({}, input);
  EXPECT_EQ(r.code, 0);
  std::size_t lines = 0;
  for (const char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 100000u);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "-0.5848\t0.655\t0.345\t0.000");
}

TEST(VaderCli, Help) {
  const CliRun r = run({"--help"}, "");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("usage: tactful sentiment"), std::string::npos);
}

TEST(VaderCli, UnknownOptionIsUsageError) {
  const CliRun r = run({"--bogus"}, "good\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  EXPECT_NE(r.err.find("--bogus"), std::string::npos);
}

}  // namespace
