#include "phrase_syntax.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "tactful/text.h"

namespace tactful {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Irregular forms agents use in the phrases we care about (blame, promises, policy).
const std::map<std::string, std::vector<std::string>>& irregular() {
  static const std::map<std::string, std::vector<std::string>> forms = {
      {"be", {"is", "are", "was", "were", "been", "being", "am"}},
      {"have", {"has", "had", "having"}},
      {"do", {"does", "did", "done", "doing"}},
      {"make", {"makes", "made", "making"}},
      {"say", {"says", "said", "saying"}},
      {"tell", {"tells", "told", "telling"}},
      {"pay", {"pays", "paid", "paying"}},
      {"send", {"sends", "sent", "sending"}},
      {"go", {"goes", "went", "gone", "going"}},
      {"get", {"gets", "got", "gotten", "getting"}},
      {"take", {"takes", "took", "taken", "taking"}},
      {"give", {"gives", "gave", "given", "giving"}},
      {"know", {"knows", "knew", "known", "knowing"}},
      {"forget", {"forgets", "forgot", "forgotten", "forgetting"}},
      {"read", {"reads", "reading"}},
      {"understand", {"understands", "understood", "understanding"}},
      {"write", {"writes", "wrote", "written", "writing"}},
      {"see", {"sees", "saw", "seen", "seeing"}},
      {"mean", {"means", "meant", "meaning"}},
      {"keep", {"keeps", "kept", "keeping"}},
      {"lose", {"loses", "lost", "losing"}},
      {"feel", {"feels", "felt", "feeling"}},
      {"put", {"puts", "putting"}},
      {"let", {"lets", "letting"}},
      {"set", {"sets", "setting"}},
  };
  return forms;
}

}  // namespace

std::vector<std::string> inflections(const std::string& w) {
  std::set<std::string> out = {w};
  if (auto it = irregular().find(w); it != irregular().end()) {
    out.insert(it->second.begin(), it->second.end());
    return {out.begin(), out.end()};
  }
  const std::size_t n = w.size();
  const char last = n ? w[n - 1] : '\0';
  if (n >= 2 && last == 'y' && !is_vowel(w[n - 2])) {
    const std::string stem = w.substr(0, n - 1);
    out.insert({stem + "ies", stem + "ied", w + "ing"});
  } else if (last == 'e') {
    const std::string stem = w.substr(0, n - 1);
    out.insert({w + "s", w + "d", stem + "ing"});
  } else if (last == 's' || last == 'x' || last == 'z' ||
             (n >= 2 && (w.ends_with("ch") || w.ends_with("sh")))) {
    out.insert({w + "es", w + "ed", w + "ing"});
  } else {
    out.insert({w + "s", w + "ed", w + "ing"});
    // Consonant-vowel-consonant endings often double: stop → stopped, plan → planning.
    if (n >= 3 && !is_vowel(last) && is_vowel(w[n - 2]) && !is_vowel(w[n - 3]) && last != 'w' &&
        last != 'x' && last != 'y') {
      out.insert({w + last + "ed", w + last + "ing"});
    }
  }
  return {out.begin(), out.end()};
}

Result<std::vector<std::vector<std::string>>> expand_phrase(std::string_view phrase) {
  // Split on whitespace into positions; spaces inside ( ) or [ ] belong to the position.
  std::vector<std::string_view> positions;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  while (i < phrase.size()) {
    while (i < phrase.size() && space(phrase[i])) ++i;
    const std::size_t start = i;
    int depth = 0;
    while (i < phrase.size() && (depth > 0 || !space(phrase[i]))) {
      if (phrase[i] == '(' || phrase[i] == '[') ++depth;
      if ((phrase[i] == ')' || phrase[i] == ']') && depth > 0) --depth;
      ++i;
    }
    if (depth != 0) return Error{"unbalanced brackets in '" + std::string(phrase) + "'"};
    if (i > start) positions.push_back(phrase.substr(start, i - start));
  }
  if (positions.empty()) return Error{"empty phrase"};

  std::vector<std::vector<std::string>> partial = {{}};
  for (std::string_view pos : positions) {
    bool optional = false;
    if (pos.front() == '(') {
      if (pos.size() < 3 || pos.back() != ')')
        return Error{"unbalanced ( ) in '" + std::string(phrase) + "'"};
      pos = pos.substr(1, pos.size() - 2);
    } else if (pos.front() == '[') {
      if (pos.size() < 3 || pos.back() != ']')
        return Error{"unbalanced [ ] in '" + std::string(phrase) + "'"};
      optional = true;
      pos = pos.substr(1, pos.size() - 2);
    } else if (pos.back() == ']' && pos.size() > 1) {
      return Error{"unbalanced [ ] in '" + std::string(phrase) + "'"};
    }
    // Alternatives, each possibly several tokens ("policy," is two) or inflected ("fail~").
    std::vector<std::vector<std::string>> alternatives;
    std::size_t a = 0;
    while (a <= pos.size()) {
      std::size_t bar = pos.find('|', a);
      if (bar == std::string_view::npos) bar = pos.size();
      std::string_view alt = pos.substr(a, bar - a);
      a = bar + 1;
      if (alt.empty()) return Error{"empty alternative in '" + std::string(phrase) + "'"};
      bool inflect = false;
      if (alt.size() > 1 && alt.back() == '~') {
        inflect = true;
        alt.remove_suffix(1);
      }
      std::vector<std::string> tokens;
      std::optional<Error> refused;
      const auto read_tokens = [&](std::string_view text) {
        const TextModel model(text);
        for (const Token& t : model.tokens) {
          if (t.kind == TokenKind::url || t.kind == TokenKind::email ||
              t.kind == TokenKind::placeholder)
            refused = Error{"'" + std::string(alt) +
                            "' is a URL, email or placeholder; those never get hints"};
          tokens.emplace_back(t.norm);
        }
      };
      if (alt.find("<number>") == std::string_view::npos) {
        read_tokens(alt);
      } else {
        // Word by word, so that <number> is the placeholder inside a group of several words too
        // ("(to <number>|to my) emails"); read whole, it would be the tokens "<", "number", ">".
        for (std::size_t w = 0; w < alt.size();) {
          const std::size_t end = std::min(alt.find_first_of(" \t\n", w), alt.size());
          const std::string_view word = alt.substr(w, end - w);
          w = end + 1;
          if (word == "<number>") {
            if (inflect) return Error{"'~' does not apply to <number>"};
            tokens.emplace_back(kNumberToken);
          } else if (!word.empty()) {
            read_tokens(word);
          }
        }
      }
      if (refused) return *refused;
      if (tokens.empty()) return Error{"'" + std::string(alt) + "' has no matchable token"};
      if (inflect) {
        if (tokens.size() != 1)
          return Error{"'~' applies to one word, not '" + std::string(alt) + "'"};
        for (std::string& form : inflections(tokens[0])) alternatives.push_back({form});
      } else {
        alternatives.push_back(std::move(tokens));
      }
      if (bar == pos.size()) break;
    }
    std::vector<std::vector<std::string>> next;
    for (const auto& prefix : partial) {
      if (optional) next.push_back(prefix);
      for (const auto& alt : alternatives) {
        std::vector<std::string> seq = prefix;
        seq.insert(seq.end(), alt.begin(), alt.end());
        if (seq.size() > kMaxPhraseTokens)
          return Error{"phrase longer than " + std::to_string(kMaxPhraseTokens) + " tokens"};
        next.push_back(std::move(seq));
      }
      if (next.size() > kMaxExpansions)
        return Error{"'" + std::string(phrase) + "' expands to more than " +
                     std::to_string(kMaxExpansions) + " phrases; split it"};
    }
    partial = std::move(next);
  }
  std::erase_if(partial, [](const auto& seq) { return seq.empty(); });
  if (partial.empty()) return Error{"every position of '" + std::string(phrase) + "' is optional"};
  std::sort(partial.begin(), partial.end());
  partial.erase(std::unique(partial.begin(), partial.end()), partial.end());
  return partial;
}

}  // namespace tactful
