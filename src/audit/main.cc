// earlyinit-audit: see docs/audit.md, or run with --help.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "src/audit/audit.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  audit::KeepMemoryAtExit(true);
  const int rc = audit::Run(args, std::cout, std::cerr, isatty(1) == 1);
  std::cout.flush();
  return rc;
}
