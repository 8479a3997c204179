// `tactful sentiment`: VADER scores for each line of stdin, one output line per input line.
// Built for bulk use (benchmarks, corpus runs): stdin is read in 1 MiB chunks and output is
// written in 64 KiB blocks.
#include <charconv>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "commands.h"
#include "tactful/sentiment.h"

namespace tactful::cli {

namespace {

constexpr std::string_view kUsage = R"(usage: tactful sentiment [--corrected] < texts.txt

Scores each line of stdin (UTF-8, one text per line, a trailing CR is ignored) with VADER
v3.3.1 (Hutto & Gilbert, ICWSM-14) and prints one line per input line:

  compound<TAB>neg<TAB>neu<TAB>pos

compound has 4 decimals and the others 3, rounded as the Python vaderSentiment rounds them
(a compound that rounds to zero from below prints as -0.0000, like Python's '%.4f').

options:
  --corrected   fix two upstream bugs (the value-based "but" rule and the x1.25 after
                "so"/"this"; see docs/sentiment.md). Default: exact parity with Python.
  -h, --help    show this help
)";

constexpr std::size_t kReadChunk = 1 << 20;
constexpr std::size_t kWriteBlock = 1 << 16;

void append_fixed(std::string& out, double value, int decimals) {
  char buffer[32];
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  out.append(buffer, written.ptr);
}

void append_scores(std::string& out, const SentimentScores& s) {
  append_fixed(out, s.compound, 4);
  out.push_back('\t');
  append_fixed(out, s.neg, 3);
  out.push_back('\t');
  append_fixed(out, s.neu, 3);
  out.push_back('\t');
  append_fixed(out, s.pos, 3);
  out.push_back('\n');
}

}  // namespace

int run_sentiment(Args args, std::istream& in, std::ostream& out, std::ostream& err) {
  Vader::Mode mode = Vader::Mode::parity;
  for (const std::string_view arg : args) {
    if (arg == "--help" || arg == "-h") {
      out << kUsage;
      return 0;
    }
    if (arg == "--corrected") {
      mode = Vader::Mode::corrected;
      continue;
    }
    err << "tactful sentiment: unknown option '" << arg << "' (see tactful sentiment --help)\n";
    return 2;
  }
  const Vader& vader = mode == Vader::Mode::parity ? Vader::instance() : Vader::corrected();

  std::string output;
  output.reserve(kWriteBlock + 64);
  const auto score = [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    append_scores(output, vader.polarity_scores(line));
    if (output.size() >= kWriteBlock) {
      out.write(output.data(), static_cast<std::streamsize>(output.size()));
      output.clear();
    }
  };

  std::vector<char> chunk(kReadChunk);
  std::string pending;  // the unfinished last line of what has been read
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const std::streamsize got = in.gcount();
    if (got <= 0) break;
    pending.append(chunk.data(), static_cast<std::size_t>(got));
    const std::string_view view = pending;
    std::size_t start = 0;
    for (std::size_t nl = view.find('\n'); nl != std::string_view::npos;
         nl = view.find('\n', start)) {
      score(view.substr(start, nl - start));
      start = nl + 1;
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) score(pending);
  out.write(output.data(), static_cast<std::streamsize>(output.size()));
  out.flush();
  if (!out) {
    err << "tactful sentiment: cannot write the output\n";
    return 2;
  }
  return 0;
}

}  // namespace tactful::cli
