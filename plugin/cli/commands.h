// The sub-commands of the `tactful` command line. Each takes its own arguments (after the
// sub-command name) and the standard streams, and returns the process exit code:
// 0 success, 1 the check found what it looks for (failed examples, ...), 2 bad usage or input.
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace tactful::cli {

using Args = std::span<const std::string_view>;

int run_check(Args args, std::istream& in, std::ostream& out, std::ostream& err);
int run_test_rules(Args args, std::istream& in, std::ostream& out, std::ostream& err);
int run_eval(Args args, std::istream& in, std::ostream& out, std::ostream& err);
int run_sentiment(Args args, std::istream& in, std::ostream& out, std::ostream& err);
// Implemented by plugin/server (tactful_server).
int run_serve(Args args, std::istream& in, std::ostream& out, std::ostream& err);
int run_admin(Args args, std::istream& in, std::ostream& out, std::ostream& err);
// Implemented by plugin/server (tactful_server): GET /healthz, exit 0 on 200.
int run_healthcheck(Args args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace tactful::cli
