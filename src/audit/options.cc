#include "src/audit/options.h"

namespace audit {

const char kUsage[] =
    "usage: earlyinit-audit [OPTIONS] COMMAND [ARGS] FILE...\n"
    "\n"
    "Reads the earlyinit metadata and linker tables of a built ELF file (an\n"
    "executable or PIE, or relocatable objects and static archives; 32- or\n"
    "64-bit; stripped or not) without running it.\n"
    "\n"
    "commands:\n"
    "  list [--subarch S] FILE...  each subarch's chain in run order: phase,\n"
    "                              level, order, step, function, source\n"
    "  matrix FILE...              steps x enabled subarchs: implemented,\n"
    "                              exempt (with the reason) or missing\n"
    "  diff S1 S2 FILE...          steps one chain runs and the other does not,\n"
    "                              different functions, order differences\n"
    "  check FILE...               parity, dependency order, cycles, unknown\n"
    "                              steps, metadata against the allocated tables\n"
    "  trace LOG... [--binary FILE]\n"
    "                              the boots in serial logs or dmesg: each step's\n"
    "                              status and cycles; with --binary, whether each\n"
    "                              boot ran the binary's chain (\"-\": stdin)\n"
    "  paths FILE [--entry NAME=SYMBOL[,SYMBOL...]]... [--preset linux-x86_64]\n"
    "        [--stop SYMBOL]... [--depth N]\n"
    "                              each entry's calls (direct, tail, inlined,\n"
    "                              indirect) in code order to depth N (default\n"
    "                              3), read from DWARF, no earlyinit needed;\n"
    "                              the functions some entries reach and others\n"
    "                              do not; KASAN runtime calls before\n"
    "                              kasan_early_init are findings\n"
    "\n"
    "options (anywhere on the line):\n"
    "  --format text|json|svg      output format (default text; svg: trace, paths)\n"
    "  --color auto|always|never   colour in matrix (default auto: only when\n"
    "                              stdout is a terminal and NO_COLOR is unset)\n"
    "  --help                      this text\n"
    "  --version                   the tool's and the metadata format's versions\n"
    "\n"
    "Several FILEs (objects, archives) are audited as one program, as if linked\n"
    "together; an executable is audited alone.\n"
    "\n"
    "exit status: 0 clean, 1 violations (check, matrix, paths) or differences (diff,\n"
    "trace --binary), 2 usage error, unreadable input or a log without trace.\n";

namespace {

Command CommandOf(const std::string& word) {
  if (word == "list") return Command::kList;
  if (word == "matrix") return Command::kMatrix;
  if (word == "diff") return Command::kDiff;
  if (word == "check") return Command::kCheck;
  if (word == "trace") return Command::kTrace;
  return Command::kNone;
}

// The value of the option at args[*i] ("--name=value" or "--name value").
std::string Value(const std::vector<std::string>& args, size_t* i, const std::string& name,
                  std::string* out) {
  const std::string& a = args[*i];
  if (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0) {
    *out = a.substr(name.size() + 1);
    return "";
  }
  if (*i + 1 >= args.size()) return "option " + name + " needs a value";
  *out = args[++*i];
  return "";
}

bool Is(const std::string& a, const std::string& name) {
  return a == name || a.compare(0, name.size() + 1, name + "=") == 0;
}

std::string ParseFormat(const std::string& word, Format* f) {
  if (word == "text") *f = Format::kText;
  else if (word == "json") *f = Format::kJson;
  else if (word == "svg") *f = Format::kSvg;
  else return "unknown format \"" + word + "\" (text, json or svg)";
  return "";
}

std::string ParseColor(const std::string& word, Color* c) {
  if (word == "auto") *c = Color::kAuto;
  else if (word == "always") *c = Color::kAlways;
  else if (word == "never") *c = Color::kNever;
  else return "unknown colour mode \"" + word + "\" (auto, always or never)";
  return "";
}

// One option at args[*i]; the format and colour words are kept for the
// checks after the whole line is read (a later error wins, as before).
std::string ParseOption(const std::vector<std::string>& args, size_t* i, Options* o,
                        std::string* format, std::string* color) {
  const std::string& a = args[*i];
  if (a == "--help" || a == "-h") o->help = true;
  else if (a == "--version") o->version = true;
  else if (Is(a, "--format")) return Value(args, i, "--format", format);
  else if (Is(a, "--colour")) return Value(args, i, "--colour", color);
  else if (Is(a, "--color")) return Value(args, i, "--color", color);
  else if (Is(a, "--binary")) {
    const std::string e = Value(args, i, "--binary", &o->binary);
    return e.empty() && o->binary.empty() ? "--binary needs a FILE" : e;
  } else if (Is(a, "--subarch")) {
    const std::string e = Value(args, i, "--subarch", &o->subarch);
    return e.empty() && o->subarch.empty() ? "--subarch needs a non-empty name" : e;
  } else {
    return "unknown option " + a;
  }
  return "";
}

}  // namespace

std::string ParseArgs(const std::vector<std::string>& args, Options* o) {
  bool only_files = false;
  std::string format = "text", color = "auto";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_files || a.empty() || a[0] != '-' || a == "-") {
      if (o->command_word.empty()) o->command_word = a;
      else o->positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_files = true;
      continue;
    }
    const std::string e = ParseOption(args, &i, o, &format, &color);
    if (!e.empty()) return e;
  }
  o->command = CommandOf(o->command_word);
  const std::string e = ParseFormat(format, &o->format);
  return e.empty() ? ParseColor(color, &o->color) : e;
}

std::string CheckOperands(const Options& o) {
  if (o.format == Format::kSvg) return "--format svg is for trace only";
  if (!o.binary.empty()) return "--binary is an option of trace only";
  if (o.command == Command::kNone)
    return "unknown command " + o.command_word + " (list, matrix, diff, check, trace or paths)";
  if (!o.subarch.empty() && o.command != Command::kList) return "--subarch is an option of list only";
  const size_t names = o.command == Command::kDiff ? 2 : 0;
  if (o.positional.size() < names + 1)
    return o.command_word + " needs " + (names ? "two subarchs and " : "") + "at least one FILE";
  return "";
}

}  // namespace audit
