// Inputs shared by the engine benchmarks and the throughput mode: the 600-character billing
// draft and its conversation, drafts of any length, and 1,000 generated admin rules.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/conversation.h"
#include "tactful/rule_set.h"

namespace tactful::bench {

// A realistic ~600-character agent reply to a double-charged customer: some policy language,
// "unfortunately", "soon", an internal queue name and ticket key, and some good sentences.
std::string_view draft600();

// Five earlier messages (customer and agent alternating, customer first and last), with
// timestamps, and a context pointing at them with `now` set a few minutes after the last one.
const std::vector<Message>& history5();
Context context_with_history();

// A draft of exactly `bytes` bytes (ASCII) made by repeating realistic draft sentences, with a
// paragraph break every few sentences.
std::string draft_of_length(std::size_t bytes);

// `count` generated admin rules as one pack (schema 1): ~70% phrase, ~20% substitute, ~10%
// pattern, each with flag and pass examples. Deterministic: the same pack on every run.
PackSource admin_pack(std::size_t count = 1000);

// The built-in packs, plus the generated admin pack when `with_admin`. Prints the loader's
// error and exits when the set is refused, so a broken generator is visible at once.
std::shared_ptr<const RuleSet> load_rules_or_die(bool with_admin);

// The body of a realistic POST /v1/suggest (bench/suggest.json, also what bench/server.sh
// sends): a ~600-character reply to an upset customer with 5 history messages.
std::string suggest_request_json();

// Instruction-count mode (bench/instructions.sh): see calls.cc.
int run_calls(int argc, char** argv);

// Throughput mode (bench/run.sh, bench/alex): see throughput.cc.
int write_draft_files(const std::string& dir);
int run_throughput(int argc, char** argv);

}  // namespace tactful::bench
