// `tactful`: the command line. Dispatches to one sub-command per file (see commands.h).
#include <iostream>
#include <string_view>
#include <vector>

#include "commands.h"

namespace {

constexpr std::string_view kUsage = R"(usage: tactful <command> [options]

Coaches support agents' replies: hints on the draft, with the conversation as context.

commands:
  check        check a draft and print the hints (text, or --json request on stdin)
  test-rules   run every rule's examples in rule pack files or directories
  eval         score the engine on a labelled corpus (precision/recall per category)
  sentiment    VADER sentiment of each line of stdin
  serve        run the HTTP/WebSocket service and the demo page
  admin        manage the admin API's tokens (admin token create|list|revoke)
  healthcheck  probe a running service's /healthz (exit 0 when healthy)

Run `tactful <command> --help` for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string_view command = args[0];
  const tactful::cli::Args rest(args.data() + 1, args.size() - 1);
  if (command == "check") return tactful::cli::run_check(rest, std::cin, std::cout, std::cerr);
  if (command == "test-rules")
    return tactful::cli::run_test_rules(rest, std::cin, std::cout, std::cerr);
  if (command == "eval") return tactful::cli::run_eval(rest, std::cin, std::cout, std::cerr);
  if (command == "serve") return tactful::cli::run_serve(rest, std::cin, std::cout, std::cerr);
  if (command == "admin") return tactful::cli::run_admin(rest, std::cin, std::cout, std::cerr);
  if (command == "healthcheck")
    return tactful::cli::run_healthcheck(rest, std::cin, std::cout, std::cerr);
  if (command == "sentiment")
    return tactful::cli::run_sentiment(rest, std::cin, std::cout, std::cerr);
  std::cerr << "tactful: unknown command '" << command << "' (see tactful --help)\n";
  return 2;
}
