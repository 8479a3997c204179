// Every text of the dev corpus files (tests/corpus/*.jsonl, not the held-out directories): each
// case's draft and each of its history messages, for the tests that check a fast reader against
// the general one on real wording as well as on generated texts.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>

#include "tactful/adapters/native_json.h"

namespace tactful::testing {

// Calls `visit(text)` on each draft and history message of the dev files, in file order within
// a file; returns how many texts it visited. Lines that do not parse as a case are skipped.
template <typename Visit>
int for_each_dev_text(Visit&& visit) {
  const std::filesystem::path root = std::filesystem::path(TACTFUL_SOURCE_DIR) / "tests/corpus";
  static constexpr std::string_view kExtra[] = {"id", "situation", "expect", "allow", "note"};
  int texts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      auto parsed = parse_suggest_request(line, {}, kExtra);
      const auto* r = std::get_if<SuggestRequest>(&parsed);
      if (r == nullptr) continue;
      ++texts;
      visit(std::string_view(r->draft));
      for (const Message& m : r->history) {
        ++texts;
        visit(std::string_view(m.text));
      }
    }
  }
  return texts;
}

}  // namespace tactful::testing
