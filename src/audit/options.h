// earlyinit-audit: the command line of every command, parsed in one place
// into one Options (docs/audit.md), with one usage text.
#ifndef EARLYINIT_SRC_AUDIT_OPTIONS_H
#define EARLYINIT_SRC_AUDIT_OPTIONS_H

#include <string>
#include <vector>

#include "src/audit/dwarf/call_tree.h"

namespace audit {

enum class Command { kNone, kList, kMatrix, kDiff, kCheck, kTrace, kPaths };
enum class Format { kText, kJson, kSvg };
enum class Color { kAuto, kAlways, kNever };

struct Options {
  Command command = Command::kNone;
  std::string command_word;  // as typed (for messages)
  Format format = Format::kText;
  Color color = Color::kAuto;
  std::string subarch;  // list --subarch
  std::string binary;   // trace --binary
  std::vector<PathEntry> entries;  // paths --entry, in the order given
  TreeOptions tree;                // paths --stop, --depth
  std::string preset;              // paths --preset
  std::string paths_option;        // the first of paths' options given (for messages)
  std::vector<std::string> positional;
  bool help = false, version = false;
};

extern const char kUsage[];

// Parses options anywhere on the line, checking each option's value;
// returns "" or a usage error.
std::string ParseArgs(const std::vector<std::string>& args, Options* o);

// Whether the options and operands fit the command: each option belongs to
// it, it has its operands. Returns "" or a usage error.
std::string CheckOperands(const Options& o);

// Whether the command word of args (options may come first) is "paths".
// Kept for tests/audit_paths/rules_test; the tool parses once.
bool IsPathsCommand(const std::vector<std::string>& args);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_OPTIONS_H
