#include "tests/support/process.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace testsupport {

namespace {

ProcessResult Wait(pid_t pid, int read_fd) {
  ProcessResult result;
  char buf[4096];
  for (;;) {
    ssize_t n = read(read_fd, buf, sizeof buf);
    if (n > 0) {
      result.output.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(read_fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

// execv along PATH, without execvp's fallback of running a file the kernel
// refused (ENOEXEC) through /bin/sh. Returns only on failure, errno set.
void ExecSearchingPath(char* const* args) {
  const char* path = getenv("PATH");
  if (strchr(args[0], '/') || !path) {
    execv(args[0], args);
    return;
  }
  int first_error = ENOENT;
  std::istringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    execv(((dir.empty() ? "." : dir) + "/" + args[0]).c_str(), args);
    if (errno != ENOENT && errno != ENOTDIR && errno != EACCES) return;
    if (errno == EACCES) first_error = EACCES;
  }
  errno = first_error;
}

}  // namespace

ProcessResult Run(const std::vector<std::string>& argv) {
  int fds[2], exec_status[2];
  if (pipe(fds) != 0 || pipe2(exec_status, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe: " << strerror(errno);
    return {};
  }
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    close(exec_status[0]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ExecSearchingPath(args.data());
    int err = errno;
    fprintf(stderr, "cannot run %s: %s\n", args[0], strerror(err));
    ssize_t written = write(exec_status[1], &err, sizeof err);
    (void)written;  // the parent sees 0 then: an exec error it cannot name
    _exit(127);
  }
  close(fds[1]);
  close(exec_status[1]);
  ProcessResult result = Wait(pid, fds[0]);
  int err = 0;
  if (read(exec_status[0], &err, sizeof err) == sizeof err) result.exec_errno = err;
  close(exec_status[0]);
  return result;
}

ProcessResult RunI386(const std::vector<std::string>& argv, I386Mode mode, std::string* how) {
  if (mode == I386Mode::kProbe) {
    ProcessResult native = Run(argv);
    if (native.exec_errno != ENOEXEC) {
      *how = "natively (the host's kernel executes i386 programs)";
      return native;
    }
    *how = "under qemu-i386-static (the host's kernel cannot execute i386 programs)";
  } else {
    *how = "under qemu-i386-static (asked for)";
  }
  std::vector<std::string> emulated = {"qemu-i386-static"};
  emulated.insert(emulated.end(), argv.begin(), argv.end());
  ProcessResult r = Run(emulated);
  if (r.exec_errno != 0) {
    r.output += "this host cannot run i386 programs: its kernel cannot execute them and "
                "qemu-i386-static (package qemu-user-static, tools/install) cannot be started\n";
  }
  return r;
}

ProcessResult RunShell(const std::string& command) {
  return Run({"/bin/sh", "-c", command});
}

std::string SourceRoot() {
  const char* srcdir = getenv("TEST_SRCDIR");
  const char* workspace = getenv("TEST_WORKSPACE");
  if (srcdir && workspace) return std::string(srcdir) + "/" + workspace;
  return ".";
}

std::string MakeTempDir(const std::string& tag) {
  const char* base = getenv("TEST_TMPDIR");
  std::string templ = std::string(base ? base : "/tmp") + "/" + tag + ".XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) {
    ADD_FAILURE() << "mkdtemp " << templ << ": " << strerror(errno);
    return "/tmp";
  }
  return buf.data();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

std::string ShellQuote(const std::string& word) {
  std::string q = "'";
  for (char c : word) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

}  // namespace testsupport
