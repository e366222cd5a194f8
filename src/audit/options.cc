#include "src/audit/options.h"

#include "src/audit/base/text.h"
#include "src/audit/presets.h"

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
  if (word == "paths") return Command::kPaths;
  return Command::kNone;
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

std::string ParseEntry(const std::string& v, Options* o) {
  const size_t eq = v.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
    return "--entry needs NAME=SYMBOL[,SYMBOL...], not \"" + v + "\"";
  PathEntry e{v.substr(0, eq), Split(v.substr(eq + 1), ','), v.substr(0, eq)};
  for (const std::string& s : e.symbols)
    if (s.empty()) return "--entry " + v + ": an empty SYMBOL";
  for (const PathEntry& other : o->entries)
    if (other.name == e.name) return "entry " + e.name + " is given twice";
  o->entries.push_back(std::move(e));
  return "";
}

constexpr int kMaxDepth = 64;

std::string ParseDepth(const std::string& v, Options* o) {
  if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(v) < 1 || std::stoi(v) > kMaxDepth)
    return "--depth needs a number from 1 to " + std::to_string(kMaxDepth) + ", not \"" + v + "\"";
  o->tree.depth = std::stoi(v);
  return "";
}

std::string ParseStop(const std::string& v, Options* o) {
  if (v.empty()) return "--stop needs a SYMBOL";
  o->tree.stops.insert(v);
  return "";
}

std::string ParsePreset(const std::string& v, Options* o) {
  if (!FindPreset(v)) return "unknown preset \"" + v + "\" (" + PresetNames() + ")";
  o->preset = v;
  return "";
}

std::string ParseBinary(const std::string& v, Options* o) {
  o->binary = v;
  return v.empty() ? "--binary needs a FILE" : "";
}

std::string ParseSubarch(const std::string& v, Options* o) {
  o->subarch = v;
  return v.empty() ? "--subarch needs a non-empty name" : "";
}

// The format and colour words are kept for the checks after the whole
// line is read (a later error wins).
struct Words {
  std::string format = "text", color = "auto";
};

std::string KeepFormat(const std::string& v, Words* w) {
  w->format = v;
  return "";
}

std::string KeepColor(const std::string& v, Words* w) {
  w->color = v;
  return "";
}

// The options that take a value ("--name=value" or "--name value"): each
// parses it into Options, or keeps the word for later.
struct ValueOption {
  const char* name;
  std::string (*parse)(const std::string& value, Options* o);
  std::string (*keep)(const std::string& value, Words* w);
  bool paths_only;
};
constexpr ValueOption kValueOptions[] = {
    {"--format", nullptr, KeepFormat, false},    {"--color", nullptr, KeepColor, false},
    {"--colour", nullptr, KeepColor, false},     {"--binary", ParseBinary, nullptr, false},
    {"--subarch", ParseSubarch, nullptr, false}, {"--entry", ParseEntry, nullptr, true},
    {"--stop", ParseStop, nullptr, true},        {"--depth", ParseDepth, nullptr, true},
    {"--preset", ParsePreset, nullptr, true},
};

const ValueOption* FindValueOption(const std::string& a) {
  for (const ValueOption& v : kValueOptions) {
    const std::string name = v.name;
    if (a == name || a.compare(0, name.size() + 1, name + "=") == 0) return &v;
  }
  return nullptr;
}

// One option at args[*i].
std::string ParseOption(const std::vector<std::string>& args, size_t* i, Options* o, Words* w) {
  const std::string& a = args[*i];
  if (a == "--help" || a == "-h" || a == "--version") {
    (a == "--version" ? o->version : o->help) = true;
    return "";
  }
  const ValueOption* v = FindValueOption(a);
  if (!v) return "unknown option " + a;
  if (v->paths_only && o->paths_option.empty()) o->paths_option = v->name;
  const size_t name = std::string(v->name).size();
  std::string value;
  if (a.size() > name) value = a.substr(name + 1);
  else if (*i + 1 >= args.size()) return "option " + a + " needs a value";
  else value = args[++*i];
  return v->parse ? v->parse(value, o) : v->keep(value, w);
}

}  // namespace

std::string ParseArgs(const std::vector<std::string>& args, Options* o) {
  bool only_files = false;
  Words words;
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
    const std::string e = ParseOption(args, &i, o, &words);
    if (!e.empty()) return e;
  }
  o->command = CommandOf(o->command_word);
  const std::string e = ParseFormat(words.format, &o->format);
  return e.empty() ? ParseColor(words.color, &o->color) : e;
}

namespace {

// An option given to a command that does not take it ("" : none).
std::string MisplacedOption(const Options& o) {
  const Command c = o.command;
  if (o.format == Format::kSvg && c != Command::kTrace && c != Command::kPaths)
    return "--format svg is for trace and paths only";
  if (!o.binary.empty() && c != Command::kTrace) return "--binary is an option of trace only";
  if (!o.subarch.empty() && c != Command::kList) return "--subarch is an option of list only";
  if (!o.paths_option.empty() && c != Command::kPaths) return o.paths_option + " is an option of paths only";
  return "";
}

// paths: one FILE, entries given or a preset's, no entry named twice.
std::string CheckPaths(const Options& o) {
  if (o.positional.size() != 1) return "paths needs exactly one FILE";
  const Preset* preset = o.preset.empty() ? nullptr : FindPreset(o.preset);
  if (o.entries.empty() && !preset) return "paths needs --entry NAME=SYMBOL or --preset " + PresetNames();
  for (const PathEntry& e : o.entries)
    for (const PathEntry& p : preset ? preset->entries : std::vector<PathEntry>())
      if (p.name == e.name) return "entry " + e.name + " is given twice";
  return "";
}

}  // namespace

std::string CheckOperands(const Options& o) {
  const std::string misplaced = MisplacedOption(o);
  if (!misplaced.empty()) return misplaced;
  switch (o.command) {
    case Command::kNone:
      return "unknown command " + o.command_word + " (list, matrix, diff, check, trace or paths)";
    case Command::kTrace: return o.positional.empty() ? "trace needs at least one LOG" : "";
    case Command::kPaths: return CheckPaths(o);
    case Command::kDiff:
      return o.positional.size() < 3 ? "diff needs two subarchs and at least one FILE" : "";
    default: return o.positional.empty() ? o.command_word + " needs at least one FILE" : "";
  }
}

bool IsPathsCommand(const std::vector<std::string>& args) {
  Options o;
  ParseArgs(args, &o);
  return o.command == Command::kPaths;
}

}  // namespace audit
