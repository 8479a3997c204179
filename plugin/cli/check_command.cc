// `tactful check`: hints on a draft, for a person (text) or a program (--json).
#include <chrono>
#include <iostream>
#include <iterator>
#include <sstream>

#include "commands.h"
#include "options.h"
#include "pack_files.h"
#include "render.h"
#include "tactful/adapters/native_json.h"
#include "tactful/engine.h"

namespace tactful::cli {
namespace {

constexpr std::string_view kUsage = R"(usage: tactful check [FILE] [options]
       tactful check --json < request.json
       tactful check --demo

Checks an agent's draft reply and prints each hint under the words it is about, the scores
and the revised draft. The draft is read from FILE, or from stdin when FILE is absent or "-".

options:
  --json             read the request JSON of the API on stdin, write the response JSON
  --pretty           indent the --json output
  --demo             check a built-in demo conversation (an upset, double-charged customer)
  --customer TEXT    an earlier customer message (repeatable, oldest first)
  --agent TEXT       an earlier agent message (repeatable; kept in order with --customer)
  --name NAME        the customer's name
  --channel CHANNEL  chat, email, social, ...
  --team TEAM        the agent's team
  --packs PATH       also load the rule packs in PATH (a .json file or a directory; repeatable)
  --no-builtin       use only the packs given with --packs
)";

constexpr std::string_view kDemoRequest = R"({
  "draft": "Hi there,\n\nPer our policy, refunds take 5-10 business days. Unfortunately there is nothing I can do to speed it up, so please calm down. We will look into it ASAP!!!\n\nBest regards,\nSam",
  "customer_name": "Dana",
  "channel": "chat",
  "history": [
    {"role": "customer", "at": "2026-11-22T09:10:00Z",
     "text": "I was charged TWICE for my subscription this month!! This is the second time this happens. I want my money back today or I'm cancelling."}
  ],
  "now": "2026-11-22T10:05:00Z"
})";

std::chrono::sys_seconds clock_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string read_all(std::istream& in) {
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int run_check(Args args, std::istream& in, std::ostream& out, std::ostream& err) {
  const Options opt(args, {"--customer", "--agent", "--name", "--channel", "--team", "--packs"},
                    {"--json", "--pretty", "--demo", "--no-builtin", "--help", "-h"});
  if (!opt.ok()) {
    err << "tactful check: " << opt.error() << " (see tactful check --help)\n";
    return 2;
  }
  if (opt.has("--help") || opt.has("-h")) {
    out << kUsage;
    return 0;
  }
  if (opt.positional().size() > 1) {
    err << "tactful check: give at most one draft file\n";
    return 2;
  }
  auto rules = opt.values("--packs").empty() && !opt.has("--no-builtin")
                   ? Result<std::shared_ptr<const RuleSet>>(RuleSet::builtin())
                   : load_rule_set(opt.values("--packs"), !opt.has("--no-builtin"));
  if (!rules.ok()) {
    err << "tactful check: " << rules.error().message << "\n";
    return 2;
  }
  const Engine engine(rules.value());

  SuggestRequest request;
  if (opt.has("--json") || opt.has("--demo")) {
    const std::string body = opt.has("--demo") ? std::string(kDemoRequest) : read_all(in);
    auto parsed = parse_suggest_request(body);
    if (auto* e = std::get_if<RequestError>(&parsed)) {
      err << "tactful check: " << e->message << "\n";
      return 2;
    }
    request = std::move(std::get<SuggestRequest>(parsed));
    if (request.conversation) {  // only the server keeps conversations from webhooks
      err << "tactful check: conversation: stored conversations live in the server; send the "
             "messages in 'history' instead\n";
      return 2;
    }
  } else {
    std::string path = opt.positional().empty() ? "-" : opt.positional()[0];
    if (path == "-") {
      request.draft = read_all(in);
    } else {
      auto text = read_file(path);
      if (!text.ok()) {
        err << "tactful check: " << text.error().message << "\n";
        return 2;
      }
      request.draft = std::move(text).value();
    }
    // --customer and --agent keep the order they were given in, in both the "--customer TEXT"
    // and the "--customer=TEXT" form that Options accepts; other options' values are skipped.
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string_view a = args[i];
      const auto eq = a.find('=');
      const std::string_view key = a.substr(0, eq);
      if (key == "--customer" || key == "--agent") {
        const Role role = key == "--customer" ? Role::customer : Role::agent;
        if (eq != std::string_view::npos)
          request.history.push_back({role, std::string(a.substr(eq + 1)), {}});
        else if (i + 1 < args.size())
          request.history.push_back({role, std::string(args[++i]), {}});
      } else if (eq == std::string_view::npos &&
                 (key == "--name" || key == "--channel" || key == "--team" || key == "--packs")) {
        ++i;
      }
    }
    request.customer_name = opt.value("--name").value_or("");
    request.channel = opt.value("--channel").value_or("");
    request.team = opt.value("--team").value_or("");
  }
  if (!request.now) request.now = clock_now();
  const Report report = engine.analyze(request.context(), request.draft_view(), request.options());
  if (opt.has("--json")) {
    out << report_to_json(report, request, opt.has("--pretty")) << "\n";
  } else {
    render_report(out, request, report);
  }
  return 0;
}

}  // namespace tactful::cli
