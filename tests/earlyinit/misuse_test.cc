// Every compile-time misuse of the earlyinit macros, under GCC and Clang, in
// C and C++: the build fails, the first error line is earlyinit's own
// (it names the macro, the bad token and what was expected), it is the only
// error, and the whole output stays within a line budget. The table of
// misuses and messages is in docs/earlyinit.md; keep both in step.
#include <cstdio>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::RunShell;
using testsupport::ShellQuote;

// GCC prints each macro level of the backtrace as two or three lines, and
// the chain of includes of the header that spells the assertion; Clang
// elides all but ten levels. The deepest checks (a misspelled phase or
// policy, an undeclared dependency, seen from EARLYINIT_DEFINE_STEP) take
// 31 lines of GCC's output (tables.h includes phase_record.h after the
// linktable layer, so that layer's assertions stay two levels shallower).
constexpr int kLineBudget = 31;

struct Lang {
  const char* name;
  const char* compiler;
  const char* ext;
};
const Lang kLangs[] = {{"gcc", "gcc -std=gnu11", "c"},
                       {"clang", "clang -std=gnu11", "c"},
                       {"gxx", "g++ -std=c++17", "cc"},
                       {"clangxx", "clang++ -std=c++20", "cc"}};

struct Misuse {
  const char* name;
  const char* source;    // after the prelude
  const char* expected;  // in the first error line
};

const char kPrelude[] =
    "#include \"earlyinit/x86_subarchs.h\"\n"
    "#include \"earlyinit/earlyinit.h\"\n"
    "#define EARLYINIT_STEP_cr4_shadow EARLYINIT_SPEC(early, 10, 0100, required, )\n"
    "#define EARLYINIT_STEP_kasan_early EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))\n"
    "static int ok_fn(const earlyinit_context *c) { (void)c; return 0; }\n"
    "EARLYINIT_IMPL(cr4_shadow, EARLYINIT_ALL, ok_fn);\n";

#define SPEC(fields) "#define EARLYINIT_STEP_s EARLYINIT_SPEC(" fields ")\n"

const Misuse kMisuses[] = {
    {"UnknownStepInImpl", "EARLYINIT_IMPL(kasan_erly, EARLYINIT_ALL, ok_fn);",
     "EARLYINIT_IMPL: unknown step `kasan_erly` (no EARLYINIT_STEP_kasan_erly)"},
    {"UnknownStepInExempt", "EARLYINIT_EXEMPT(kasan_erly, (pc), \"why\");",
     "EARLYINIT_EXEMPT: unknown step `kasan_erly` (no EARLYINIT_STEP_kasan_erly)"},
    {"UnknownStepInDefine", "EARLYINIT_DEFINE_STEP(kasan_erly);",
     "EARLYINIT_DEFINE_STEP: unknown step `kasan_erly` (no EARLYINIT_STEP_kasan_erly)"},
    {"SpecOfFourFields", SPEC("late, 40, 0100, optional") "EARLYINIT_IMPL(s, (pc), ok_fn);",
     "EARLYINIT_IMPL: the spec of step `s` is (late, 40, 0100, optional): expected "
     "EARLYINIT_SPEC(phase, level, order, policy, deps)"},
    {"UnknownSubarch", "EARLYINIT_IMPL(kasan_early, (pc)(xen_pvv), ok_fn);",
     "EARLYINIT_IMPL: unknown subarch `xen_pvv` for step `kasan_early` (no "
     "EARLYINIT_SUBARCH_ID_xen_pvv; enabled: (pc)(lguest)(xen_pv)(intel_mid)(ce4100)(xen_pvh))"},
    {"UnknownSubarchInExempt", "EARLYINIT_EXEMPT(kasan_early, (xen_pvv), \"why\");",
     "EARLYINIT_EXEMPT: unknown subarch `xen_pvv` for step `kasan_early`"},
    {"EmptySubarchSet", "EARLYINIT_IMPL(kasan_early, , ok_fn);",
     "EARLYINIT_IMPL: subarch set `` of step `kasan_early` is not a sequence (expected one "
     "like (pc), or EARLYINIT_ALL)"},
    {"SubarchSetNotASequence", "EARLYINIT_EXEMPT(kasan_early, pc, \"why\");",
     "EARLYINIT_EXEMPT: subarch set `pc` of step `kasan_early` is not a sequence"},
    {"SubarchNamedTwice", "EARLYINIT_IMPL(kasan_early, (pc)(xen_pv)(pc), ok_fn);",
     "EARLYINIT_IMPL: subarch set (pc)(xen_pv)(pc) of step `kasan_early` names a subarch "
     "twice (expected each once)"},
    {"MisspelledPolicy", SPEC("early, 10, 0100, requried, ") "EARLYINIT_IMPL(s, (pc), ok_fn);",
     "EARLYINIT_IMPL: step `s` has unknown policy `requried` (expected required or optional)"},
    {"MisspelledPolicyInDefine", SPEC("early, 10, 0100, requried, ") "EARLYINIT_DEFINE_STEP(s);",
     "EARLYINIT_DEFINE_STEP: step `s` has unknown policy `requried` (expected required or "
     "optional)"},
    {"MisspelledPhase", SPEC("erly, 10, 0100, required, ") "EARLYINIT_IMPL(s, (pc), ok_fn);",
     "EARLYINIT_IMPL: step `s` has unknown phase `erly` (expected one of (early)(setup_arch)(late))"},
    {"MisspelledPhaseInDefine", SPEC("erly, 10, 0100, required, ") "EARLYINIT_DEFINE_STEP(s);",
     "EARLYINIT_DEFINE_STEP: step `s` has unknown phase `erly`"},
    {"LevelOfOneDigit", SPEC("early, 1, 0100, required, ") "EARLYINIT_IMPL(s, (pc), ok_fn);",
     "EARLYINIT_IMPL: step `s` has level `1` (expected two digits, e.g. 10)"},
    {"LevelNotDigits", SPEC("early, 1a, 0100, required, ") "EARLYINIT_DEFINE_STEP(s);",
     "EARLYINIT_DEFINE_STEP: step `s` has level `1a` (expected two digits, e.g. 10)"},
    {"OrderOfThreeDigits", SPEC("early, 10, 100, required, ") "EARLYINIT_IMPL(s, (pc), ok_fn);",
     "EARLYINIT_IMPL: step `s` has order `100` (expected four digits, e.g. 0100)"},
    {"OrderWithADot", SPEC("early, 10, 00.1, required, ") "EARLYINIT_DEFINE_STEP(s);",
     "EARLYINIT_DEFINE_STEP: step `s` has order `00.1` (expected four digits, e.g. 0100)"},
    {"OrderWithALetterInExempt", SPEC("early, 10, 01x0, required, ")
     "EARLYINIT_EXEMPT(s, (pc), \"why\");",
     "EARLYINIT_EXEMPT: step `s` has order `01x0` (expected four digits, e.g. 0100)"},
    {"DependencyOnAnUndeclaredStep", SPEC("late, 40, 0100, optional, (cr4_shadow)(ghost)")
     "EARLYINIT_DEFINE_STEP(s);",
     "EARLYINIT_DEFINE_STEP: step `s` depends on unknown step `ghost` (no EARLYINIT_STEP_ghost)"},
    {"DependenciesNotASequence", SPEC("late, 40, 0100, optional, cr4_shadow")
     "EARLYINIT_DEFINE_STEP(s);",
     "EARLYINIT_DEFINE_STEP: step `s` has dependencies `cr4_shadow` (expected a sequence like "
     "(cr4_shadow) or nothing)"},
    {"StepDefinedTwice", "EARLYINIT_DEFINE_STEP(cr4_shadow);\nEARLYINIT_DEFINE_STEP(cr4_shadow);",
     "EARLYINIT_DEFINE_STEP__step_cr4_shadow__defined_twice__expected_once_per_program"},
    {"ExemptionWithoutReason", "EARLYINIT_EXEMPT(kasan_early, (pc), \"\");",
     "EARLYINIT_EXEMPT: the exemption of step `kasan_early` needs a reason (expected a "
     "non-empty string)"},
    {"ReasonWithPercent", "EARLYINIT_EXEMPT(kasan_early, (pc), \"50% done\");",
     "EARLYINIT_EXEMPT: the reason of the exemption of step `kasan_early` contains a quote, "
     "backslash or % (expected plain text)"},
    {"ReasonWithQuote", "EARLYINIT_EXEMPT(kasan_early, (pc), \"say \\\"hi\\\"\");",
     "EARLYINIT_EXEMPT: the reason of the exemption of step `kasan_early` contains a quote"},
    {"ReasonWithBackslash", "EARLYINIT_EXEMPT(kasan_early, (pc), \"C:\\\\boot\");",
     "EARLYINIT_EXEMPT: the reason of the exemption of step `kasan_early` contains a quote"},
    {"FunctionOfWrongSignature",
     "static void bad(int x) { (void)x; }\nEARLYINIT_IMPL(kasan_early, (pc), bad);",
     "EARLYINIT_IMPL: bad, implementation of step `kasan_early`, must be int "
     "bad(const earlyinit_context *)"},
};

struct Case {
  Lang lang;
  Misuse misuse;
};

std::vector<Case> AllCases() {
  std::vector<Case> out;
  for (const Misuse& m : kMisuses)
    for (const Lang& l : kLangs) out.push_back({l, m});
  return out;
}

// Compiles `source` as it is (Compile adds the prelude).
testsupport::ProcessResult CompileSource(const Lang& l, const std::string& source) {
  const std::string dir = testsupport::MakeTempDir("misuse");
  const std::string src = dir + "/t." + l.ext;
  testsupport::WriteFile(src, source);
  return RunShell(std::string(l.compiler) + " -Wall -Wextra -Werror -I" +
                  ShellQuote(testsupport::SourceRoot() + "/include") + " -c " + ShellQuote(src) +
                  " -o /dev/null");
}

testsupport::ProcessResult Compile(const Lang& l, const std::string& body) {
  return CompileSource(l, std::string(kPrelude) + body + "\n");
}

std::vector<std::string> ErrorLines(const std::string& output) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = output.find('\n', start)) != std::string::npos; start = nl + 1) {
    const std::string line = output.substr(start, nl - start);
    if (line.find("error: ") != std::string::npos) out.push_back(line);
  }
  return out;
}

int Lines(const std::string& output) {
  int n = 0;
  for (char c : output) n += c == '\n';
  return n;
}

class Misuses : public ::testing::TestWithParam<Case> {};

TEST_P(Misuses, FailWithEarlyinitsWordsFirst) {
  const Case& c = GetParam();
  auto r = Compile(c.lang, c.misuse.source);
  ASSERT_NE(r.exit_code, 0) << r.output;
  const std::vector<std::string> errors = ErrorLines(r.output);
  ASSERT_FALSE(errors.empty()) << r.output;
  EXPECT_NE(errors[0].find(c.misuse.expected), std::string::npos)
      << "first error line: " << errors[0] << "\nexpected: " << c.misuse.expected << "\n"
      << r.output;
  EXPECT_EQ(errors.size(), 1u) << r.output;
  EXPECT_LE(Lines(r.output), kLineBudget) << r.output;
}

INSTANTIATE_TEST_SUITE_P(All, Misuses, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.misuse.name) + "_" +
                                  info.param.lang.name;
                         });

// The control: the prelude with correct uses of every macro compiles in
// every language, so that the failures above are the misuses'.
class Control : public ::testing::TestWithParam<Lang> {};

TEST_P(Control, CorrectUsesCompile) {
  auto r = Compile(GetParam(),
                   "EARLYINIT_DEFINE_TABLES();\n"
                   "EARLYINIT_DEFINE_STEP(cr4_shadow);\n"
                   "EARLYINIT_DEFINE_STEP(kasan_early);\n"
                   "EARLYINIT_IMPL(kasan_early, (pc)(xen_pv), ok_fn);\n"
                   "EARLYINIT_EXEMPT(kasan_early, (lguest)(intel_mid)(ce4100)(xen_pvh),\n"
                   "                 \"a plain reason, with commas; and (parens)\");\n");
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

INSTANTIATE_TEST_SUITE_P(All, Control, ::testing::ValuesIn(kLangs),
                         [](const ::testing::TestParamInfo<Lang>& info) {
                           return std::string(info.param.name);
                         });

// The bound on phases (EARLYINIT_MAX_PHASES, 26: a key letter each): a
// configuration of n phases p00, p01, ... (ordinals 0 to n - 1, letters A
// to Z, then ZZ), then the tables and a step of the last phase.
std::string PhasesSource(int n) {
  std::string src, seq;
  for (int i = 0; i < n; ++i) {
    char name[16], letter[3] = {static_cast<char>('A' + (i < 26 ? i : 25)), 0, 0};
    if (i >= 26) letter[1] = 'Z';
    snprintf(name, sizeof name, "p%02d", i);
    src += std::string("#define EARLYINIT_PHASE_INFO_") + name + " (" + std::to_string(i) + ", " +
           letter + ")\n";
    seq += std::string("(") + name + ")";
  }
  const std::string last = "p" + std::string(n - 1 < 10 ? "0" : "") + std::to_string(n - 1);
  return src + "#define EARLYINIT_PHASES " + seq + "\n" +
         "#include \"earlyinit/earlyinit.h\"\n"
         "#define EARLYINIT_STEP_s EARLYINIT_SPEC(" + last + ", 10, 0100, required, )\n"
         "static int ok_fn(const earlyinit_context *c) { (void)c; return 0; }\n"
         "EARLYINIT_DEFINE_TABLES();\n"
         "EARLYINIT_DEFINE_STEP(s);\n"
         "EARLYINIT_IMPL(s, EARLYINIT_ALL, ok_fn);\n"
         "int last_chain_size(void) {\n"
         "  earlyinit_chain c = earlyinit_chain_of(EARLYINIT_PHASE_" + last + ", 0);\n"
         "  return (int)(c.end - c.begin) + EARLYINIT_NR_PHASES;\n"
         "}\n";
}

class PhaseBound : public ::testing::TestWithParam<Lang> {};

TEST_P(PhaseBound, AsManyPhasesAsKeyLettersCompile) {
  auto r = CompileSource(GetParam(), PhasesSource(26));
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST_P(PhaseBound, OneMoreFailsWithEarlyinitsWords) {
  auto r = CompileSource(GetParam(), PhasesSource(27));
  ASSERT_NE(r.exit_code, 0) << r.output;
  const std::vector<std::string> errors = ErrorLines(r.output);
  ASSERT_FALSE(errors.empty()) << r.output;
  EXPECT_NE(errors[0].find("earlyinit: EARLYINIT_PHASES has more than 26 phases (expected at "
                           "most EARLYINIT_MAX_PHASES: a key letter each, A to Z)"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(errors.size(), 1u) << r.output;
  EXPECT_LE(Lines(r.output), kLineBudget) << r.output;
}

INSTANTIATE_TEST_SUITE_P(All, PhaseBound, ::testing::ValuesIn(kLangs),
                         [](const ::testing::TestParamInfo<Lang>& info) {
                           return std::string(info.param.name);
                         });

// The registry (earlyinit/subarch_ids.h): two enabled subarchs with one id,
// and a name of EARLYINIT_SUBARCHS without an id (a preset not included
// first), fail with earlyinit's words first. What the compiler says after
// (duplicate cases of the switches by id) follows from it.
struct RegistryMisuse {
  const char* name;
  const char* config;    // before the core
  const char* expected;  // in the first error line
};
const RegistryMisuse kRegistryMisuses[] = {
    {"TwoSubarchsOneId",
     "#define EARLYINIT_SUBARCH_ID_board_a 3\n#define EARLYINIT_SUBARCH_LABEL_board_a \"A\"\n"
     "#define EARLYINIT_SUBARCH_ID_board_b 3\n#define EARLYINIT_SUBARCH_LABEL_board_b \"B\"\n"
     "#define EARLYINIT_SUBARCH_ID_board_c 4\n#define EARLYINIT_SUBARCH_LABEL_board_c \"C\"\n"
     "#define EARLYINIT_SUBARCHS (board_a)(board_c)(board_b)\n",
     "earlyinit: subarchs `board_a` `board_b` of EARLYINIT_SUBARCHS have the same id, 3 (expected "
     "an id of its own for each)"},
    {"PresetSubarchTwice",
     "#define EARLYINIT_SUBARCHS (pc)(xen_pvh)(pc)\n#include \"earlyinit/x86_subarchs.h\"\n",
     "earlyinit: subarchs `pc` `pc` of EARLYINIT_SUBARCHS have the same id, 0"},
    {"SubarchWithoutId", "#define EARLYINIT_SUBARCHS (pc)(xen_pvh)\n",
     "earlyinit: EARLYINIT_SUBARCHS names `pc`, which has no id (no EARLYINIT_SUBARCH_ID_pc below "
     "EARLYINIT_MAX_SUBARCHS: expected it defined, or the preset that defines it included, "
     "before earlyinit/earlyinit.h)"},
};

struct RegistryCase {
  Lang lang;
  RegistryMisuse misuse;
};

std::vector<RegistryCase> AllRegistryCases() {
  std::vector<RegistryCase> out;
  for (const RegistryMisuse& m : kRegistryMisuses)
    for (const Lang& l : kLangs) out.push_back({l, m});
  return out;
}

class RegistryMisuses : public ::testing::TestWithParam<RegistryCase> {};

TEST_P(RegistryMisuses, FailWithEarlyinitsWordsFirst) {
  const RegistryCase& c = GetParam();
  auto r = CompileSource(c.lang, std::string(c.misuse.config) +
                                     "#include \"earlyinit/earlyinit.h\"\n");
  ASSERT_NE(r.exit_code, 0) << r.output;
  const std::vector<std::string> errors = ErrorLines(r.output);
  ASSERT_FALSE(errors.empty()) << r.output;
  EXPECT_NE(errors[0].find(c.misuse.expected), std::string::npos)
      << "first error line: " << errors[0] << "\nexpected: " << c.misuse.expected << "\n"
      << r.output;
}

INSTANTIATE_TEST_SUITE_P(All, RegistryMisuses, ::testing::ValuesIn(AllRegistryCases()),
                         [](const ::testing::TestParamInfo<RegistryCase>& info) {
                           return std::string(info.param.misuse.name) + "_" +
                                  info.param.lang.name;
                         });

// The control: distinct ids compile, and the core alone builds for its
// default subarch, `generic`.
TEST_P(Control, DistinctIdsAndTheDefaultCompile) {
  auto r = CompileSource(
      GetParam(),
      "#define EARLYINIT_SUBARCH_ID_board_a 3\n#define EARLYINIT_SUBARCH_LABEL_board_a \"A\"\n"
      "#define EARLYINIT_SUBARCH_ID_board_b 4\n#define EARLYINIT_SUBARCH_LABEL_board_b \"B\"\n"
      "#define EARLYINIT_SUBARCHS (board_a)(board_b)\n#include \"earlyinit/earlyinit.h\"\n");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  r = CompileSource(GetParam(),
                    "#include \"earlyinit/earlyinit.h\"\n"
                    "#define EARLYINIT_STEP_s EARLYINIT_SPEC(early, 10, 0100, required, )\n"
                    "static int ok_fn(const earlyinit_context *c) { (void)c; return 0; }\n"
                    "EARLYINIT_DEFINE_TABLES();\nEARLYINIT_DEFINE_STEP(s);\n"
                    "EARLYINIT_IMPL(s, (generic), ok_fn);\n"
                    "int generic_id(void) { return EARLYINIT_SUBARCH_ID_generic; }\n");
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

}  // namespace
