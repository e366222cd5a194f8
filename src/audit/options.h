// earlyinit-audit: the command line, parsed into enums (docs/audit.md).
#ifndef EARLYINIT_SRC_AUDIT_OPTIONS_H
#define EARLYINIT_SRC_AUDIT_OPTIONS_H

#include <string>
#include <vector>

namespace audit {

enum class Command { kNone, kList, kMatrix, kDiff, kCheck, kTrace };
enum class Format { kText, kJson, kSvg };
enum class Color { kAuto, kAlways, kNever };

struct Options {
  Command command = Command::kNone;
  std::string command_word;  // as typed (for messages)
  Format format = Format::kText;
  Color color = Color::kAuto;
  std::string subarch;  // list --subarch
  std::string binary;   // trace --binary
  std::vector<std::string> positional;
  bool help = false, version = false;
};

extern const char kUsage[];

// Parses options anywhere on the line; returns "" or a usage error.
std::string ParseArgs(const std::vector<std::string>& args, Options* o);

// What a command needs after parsing (its operands, its options); returns
// "" or a usage error. Not for kTrace (trace_cmd.cc checks its own).
std::string CheckOperands(const Options& o);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_OPTIONS_H
