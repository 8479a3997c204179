// Evaluation (reads ../shared when present, skips otherwise): Spearman correlation between our
// frustration score and the three-annotator frustration ratings of the TWCS subset of Zuters &
// Leonova (2020). That set is non-commercial: it is read in place and never copied here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

#include "tactful/customer.h"

namespace {

struct Rated {
  double predicted;
  double median;
  int dialogue;
};

// Average ranks (ties share the mean rank), then Pearson on the ranks.
double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  auto ranks = [](const std::vector<double>& v) {
    std::vector<std::size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](auto a, auto b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < idx.size();) {
      std::size_t j = i;
      while (j + 1 < idx.size() && v[idx[j + 1]] == v[idx[i]]) ++j;
      for (std::size_t k = i; k <= j; ++k) r[idx[k]] = (i + j) / 2.0 + 1;
      i = j + 1;
    }
    return r;
  };
  const auto rx = ranks(x), ry = ranks(y);
  const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / rx.size();
  const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / ry.size();
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

TEST(FrustrationEval, SpearmanAgainstTwcsAnnotators) {
  const std::filesystem::path path = std::filesystem::path(TACTFUL_SOURCE_DIR) /
                                     "../shared/data/corpora/twcs_frustration/dprocessed.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "evaluation data not present: " << path;
  std::ifstream in(path);
  std::vector<tactful::Message> dialogue;
  std::vector<Rated> rated;
  int dialogue_index = 0;
  const std::regex labels(R"(\{(\d),(\d),(\d)\}\s*$)");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("----")) {
      dialogue.clear();
      ++dialogue_index;
      continue;
    }
    const bool user = line.starts_with("USER:");
    if (!user && !line.starts_with("SUPP:")) continue;
    std::string text = line.substr(5);
    std::smatch m;
    std::optional<double> median;
    if (user && std::regex_search(text, m, labels)) {
      int v[3] = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
      std::sort(v, v + 3);
      median = v[1];
      text = text.substr(0, static_cast<std::size_t>(m.position(0)));
    }
    for (std::size_t p; (p = text.find(" /// ")) != std::string::npos;) text.replace(p, 5, "\n");
    dialogue.push_back({user ? tactful::Role::customer : tactful::Role::agent, text, {}});
    if (!median) continue;
    tactful::Context ctx;
    ctx.history = dialogue;
    rated.push_back({tactful::analyze_customer(ctx).frustration, *median, dialogue_index});
  }
  ASSERT_GT(rated.size(), 800u);
  auto rho = [&](int parity) {
    std::vector<double> x, y;
    for (const auto& r : rated)
      if (parity < 0 || r.dialogue % 2 == parity) {
        x.push_back(r.predicted);
        y.push_back(r.median);
      }
    return spearman(x, y);
  };
  const double all = rho(-1), even = rho(0), odd = rho(1);
  std::printf(
      "frustration vs TWCS annotator median: Spearman %.3f on %zu messages "
      "(even dialogues %.3f, odd dialogues %.3f)\n",
      all, rated.size(), even, odd);
  RecordProperty("spearman", std::to_string(all));
  // Floors a little below the measured figures (docs/quality.md: 0.645 in all, 0.630 on the even
  // dialogues the weights were fitted on, 0.657 on the held-out odd ones), so a regression fails.
  EXPECT_GE(all, 0.635);
  EXPECT_GE(even, 0.62);
  EXPECT_GE(odd, 0.645);
}

}  // namespace
