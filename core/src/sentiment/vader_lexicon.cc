// The word table and the emoji table, parsed once from the lexicon files compiled into the
// binary (core/data/vader: vader_lexicon.txt and emoji_utf8_lexicon.txt from vaderSentiment
// v3.3.1, MIT, Copyright (c) 2016 C.J. Hutto).
#include <algorithm>
#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "sentiment/vader_internal.h"
#include "tactful/embedded.h"

namespace tactful::generated {
const std::vector<tactful::EmbeddedFile>& core_data_files();
}

namespace tactful::vader {

namespace {

// The first two fields of a tab-separated line, like line.split('\t')[0:2].
bool split_two(std::string_view line, std::string_view& first, std::string_view& second) {
  const std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return false;
  first = line.substr(0, tab);
  const std::size_t tab2 = line.find('\t', tab + 1);
  second = line.substr(tab + 1, tab2 == std::string_view::npos ? tab2 : tab2 - tab - 1);
  return true;
}

// Calls f(line) for text.rstrip('\n').split('\n'), each line .strip()ped.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    f(py_strip(text.substr(start, end - start)));
    start = end + 1;
  }
}

// Python looks every token up after .lower(), so a key that lower() would change can never be
// found (14 in v3.3.1, e.g. ":D", "O_o", ":Þ"); they are left out.
bool reachable(std::string_view key) {
  for (std::size_t i = 0; i < key.size();) {
    const Char c = decode_char(key, i);
    i += c.length;
    if (c.cp >= 'A' && c.cp <= 'Z') return false;
    if (c.cp >= 0x80 && case_of(c.cp) == Case::upper) return false;
  }
  return true;
}

}  // namespace

std::uint64_t WordTable::hash(std::string_view key) {
  std::uint64_t h = kHashSeed;
  for (const char c : key) h = hash_step(h, static_cast<unsigned char>(c));
  return h;
}

std::size_t WordTable::slot_of(std::string_view key, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  std::size_t slot = static_cast<std::size_t>(h) & mask;
  for (;; slot = (slot + 1) & mask) {
    const Slot& s = slots_[slot];
    if (s.index == 0 || (s.tag == tag && entries_[s.index - 1].key == key)) return slot;
  }
}

void WordTable::rehash(std::size_t slots) {
  slots_.assign(slots, Slot{});
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::uint64_t h = hash(entries_[i].key);
    slots_[slot_of(entries_[i].key, h)] = {static_cast<std::uint32_t>(i + 1),
                                           static_cast<std::uint32_t>(h >> 32)};
  }
}

WordInfo& WordTable::get_or_insert(std::string_view key) {
  // Keep the load factor under 1/4: VADER looks up every token it reads, most of them words
  // outside the lexicon, whose probe runs to an empty slot; at 1/2 that took two or three probes.
  if (slots_.empty() || (entries_.size() + 1) * 4 > slots_.size()) {
    rehash(slots_.empty() ? 1024 : slots_.size() * 2);
  }
  const std::uint64_t h = hash(key);
  Slot& slot = slots_[slot_of(key, h)];
  if (slot.index == 0) {
    entries_.push_back(Entry{std::string(key), WordInfo{}});
    slot = {static_cast<std::uint32_t>(entries_.size()), static_cast<std::uint32_t>(h >> 32)};
  }
  return entries_[slot.index - 1].info;
}

const std::string* Lexicon::emoji(char32_t cp) const {
  const auto it = std::lower_bound(emoji_keys.begin(), emoji_keys.end(), cp);
  if (it == emoji_keys.end() || *it != cp) return nullptr;
  return &emoji_descriptions[static_cast<std::size_t>(it - emoji_keys.begin())];
}

void load_lexicon(Lexicon& lexicon, std::string_view lexicon_text, std::string_view emoji_text) {
  // make_lex_dict: TOKEN<TAB>mean<TAB>...; empty lines skipped; a later duplicate wins.
  for_each_line(lexicon_text, [&](std::string_view line) {
    std::string_view word, measure;
    if (line.empty() || !split_two(line, word, measure) || !reachable(word)) return;
    double value = 0;
    const auto [end, ec] = std::from_chars(measure.data(), measure.data() + measure.size(), value);
    if (ec != std::errc() || end != measure.data() + measure.size()) return;
    WordInfo& info = lexicon.words.get_or_insert(word);
    if (!info.in_lexicon) ++lexicon.lexicon_entries;
    info.in_lexicon = true;
    info.valence = value;
  });
  add_builtin_words(lexicon.words);

  // make_emoji_dict: EMOJI<TAB>description. polarity_scores looks emoji up one character at a
  // time, so keys of several code points (ZWJ sequences, flags, keycaps, variation selectors)
  // never match; only single-code-point keys are kept.
  std::map<char32_t, std::string> emoji;
  for_each_line(emoji_text, [&](std::string_view line) {
    std::string_view key, description;
    if (!split_two(line, key, description) || key.empty()) return;
    const Char c = decode_char(key, 0);
    if (c.length != key.size() || (c.cp == 0xFFFD && key != "\xEF\xBF\xBD")) return;
    emoji[c.cp] = std::string(description);
  });
  for (auto& [cp, description] : emoji) {
    lexicon.emoji_keys.push_back(cp);
    lexicon.emoji_descriptions.push_back(std::move(description));
  }
}

const Lexicon& shared_lexicon() {
  static const Lexicon lexicon = [] {
    Lexicon built;
    std::string_view words, emoji;
    for (const EmbeddedFile& file : generated::core_data_files()) {
      if (file.name == "vader_lexicon.txt") words = file.data;
      if (file.name == "emoji_utf8_lexicon.txt") emoji = file.data;
    }
    load_lexicon(built, words, emoji);
    return built;
  }();
  return lexicon;
}

}  // namespace tactful::vader
