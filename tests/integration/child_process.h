// A child process (the tactful binary by default) with its stdout and stderr read through
// pipes, for tests that signal, kill and restart processes.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tactful::testing {

// Guarantees: the child is SIGKILLed and reaped when the object is destroyed if it has not
// exited; reads block until the needle arrives or the child closes the stream.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::vector<std::string>& env,
        const std::string& program = TACTFUL_BINARY) {
    int out[2], err[2];
    EXPECT_EQ(pipe(out), 0);
    EXPECT_EQ(pipe(err), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(err[1], 2);
      close(out[0]);
      close(err[0]);
      std::vector<std::string> argv_s = {program};
      argv_s.insert(argv_s.end(), args.begin(), args.end());
      std::vector<char*> argv, envp;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      std::vector<std::string> env_s = env;
      env_s.push_back("PATH=/usr/bin:/bin");
      for (auto& e : env_s) envp.push_back(e.data());
      envp.push_back(nullptr);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    close(out[1]);
    close(err[1]);
    out_ = out[0];
    err_ = err[0];
  }
  ~Child() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      wait_exit();
    }
    close(out_);
    close(err_);
  }
  // Reads stdout until `needle` appears (or EOF); returns what was read.
  std::string read_out_until(const std::string& needle) {
    return read_until(out_, out_text_, needle);
  }
  std::string read_err_until(const std::string& needle) {
    return read_until(err_, err_text_, needle);
  }
  void signal(int sig) { kill(pid_, sig); }
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::uint16_t port() {
    const std::string text = read_out_until("/  (");
    const auto at = text.find("127.0.0.1:");
    if (at == std::string::npos) return 0;
    return static_cast<std::uint16_t>(std::stoi(text.substr(at + 10)));
  }

 private:
  static std::string read_until(int fd, std::string& text, const std::string& needle) {
    char buf[4096];
    while (text.find(needle) == std::string::npos) {
      const ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
  }
  pid_t pid_ = -1;
  int out_ = -1, err_ = -1;
  bool exited_ = false;
  std::string out_text_, err_text_;
};

}  // namespace tactful::testing
