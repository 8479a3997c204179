// Throughput mode: analyze every draft of a file in-process and report drafts/s and MB/s,
// measured exactly as bench/alex/alex_bench.mjs measures alex (no process start-up, no file
// reading in the timed part), so the two compare on the same drafts.
//
//   tactful_bench --write-drafts DIR        write the draft files both tools read
//   tactful_bench --throughput FILE [--rules builtin|admin] [--history] [--passes N]
//
// A draft file holds drafts separated by NUL bytes. One untimed warm-up pass, then N timed
// passes over all drafts (default 5); the median pass is reported on one line:
//   tool=tactful rules=admin history=1 drafts=2000 bytes=1216000 passes=5 median_s=...
//   drafts_per_s=... mb_per_s=... hints=...
// (MB = 10^6 bytes; hints = suggestions summed over one pass, a check that work was done.)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bench_inputs.h"
#include "tactful/engine.h"

namespace tactful::bench {
namespace {

struct DraftFile {
  const char* name;
  std::size_t draft_bytes;  // 0: the 600-character draft
  std::size_t count;
};

// About 200 kB each: alex needs ~1-2 s per pass over that, tactful ~20-40 ms.
constexpr DraftFile kFiles[] = {{"draft600.txt", 0, 300},
                                {"len100.txt", 100, 2000},
                                {"len1000.txt", 1000, 200},
                                {"len10000.txt", 10000, 20},
                                {"len100000.txt", 100000, 2}};

int usage() {
  std::fprintf(stderr,
               "usage: tactful_bench --write-drafts DIR\n"
               "       tactful_bench --throughput FILE [--rules builtin|admin] [--history] "
               "[--passes N]\n");
  return 2;
}

}  // namespace

int write_draft_files(const std::string& dir) {
  for (const auto& f : kFiles) {
    const std::string draft =
        f.draft_bytes == 0 ? std::string(draft600()) : draft_of_length(f.draft_bytes);
    const std::string path = dir + "/" + f.name;
    std::ofstream out(path, std::ios::binary);
    for (std::size_t i = 0; i < f.count; ++i) {
      if (i > 0) out.put('\0');
      out << draft;
    }
    if (!out.good()) {
      std::fprintf(stderr, "tactful_bench: cannot write %s\n", path.c_str());
      return 1;
    }
  }
  return 0;
}

int run_throughput(int argc, char** argv) {
  std::string file;
  std::string rules = "builtin";
  bool history = false;
  int passes = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--throughput" && i + 1 < argc) {
      file = argv[++i];
    } else if (arg == "--rules" && i + 1 < argc) {
      rules = argv[++i];
    } else if (arg == "--history") {
      history = true;
    } else if (arg == "--passes" && i + 1 < argc) {
      passes = std::atoi(argv[++i]);
    } else {
      return usage();
    }
  }
  if (file.empty() || passes < 1 || (rules != "builtin" && rules != "admin")) return usage();

  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tactful_bench: cannot read %s\n", file.c_str());
    return 1;
  }
  const std::string all{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::vector<std::string_view> drafts;
  for (std::size_t begin = 0; begin <= all.size();) {
    std::size_t end = all.find('\0', begin);
    if (end == std::string::npos) end = all.size();
    drafts.emplace_back(all.data() + begin, end - begin);
    begin = end + 1;
  }
  std::size_t bytes = 0;
  for (auto d : drafts) bytes += d.size();

  const Engine engine(load_rules_or_die(rules == "admin"));
  const Context ctx = history ? context_with_history() : Context{};
  auto pass = [&] {
    std::size_t hints = 0;
    for (auto d : drafts) hints += engine.analyze(ctx, Draft{d, {}}).suggestions.size();
    return hints;
  };
  const std::size_t hints = pass();  // warm-up
  std::vector<double> seconds;
  for (int p = 0; p < passes; ++p) {
    const auto start = std::chrono::steady_clock::now();
    if (pass() != hints) std::fprintf(stderr, "tactful_bench: hints differ between passes\n");
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  std::printf(
      "tool=tactful rules=%s history=%d drafts=%zu bytes=%zu passes=%d median_s=%.6f "
      "drafts_per_s=%.1f mb_per_s=%.3f hints=%zu\n",
      rules.c_str(), history ? 1 : 0, drafts.size(), bytes, passes, median,
      static_cast<double>(drafts.size()) / median, static_cast<double>(bytes) / median / 1e6,
      hints);
  return 0;
}

}  // namespace tactful::bench
