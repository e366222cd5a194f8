// Builds that must fail, and the message they must fail with: a wrong entry
// type, a bad key, a duplicate entry name, a missing linker fragment.
#include <string>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::RunShell;
using testsupport::ShellQuote;

struct Lang {
  const char* compiler;
  const char* flags;
  const char* ext;
};

const Lang kLangs[] = {
    {"gcc", "-x c -std=gnu11", "c"},
    {"clang", "-x c -std=gnu11", "c"},
    {"g++", "-x c++ -std=c++17", "cc"},
    {"clang++", "-x c++ -std=c++20", "cc"},
};

const char kPrelude[] =
    "#include \"linktable/linktable.h\"\n"
    "typedef int frob_fn(void);\n"
    "LINKTABLE_DECLARE_REFS(frobs, frob_fn, 4);\n"
    "struct rec { linktable_rel fn; uint32_t v; };\n"
    "LINKTABLE_DECLARE(recs, struct rec, 2);\n"
    "__attribute__((unused)) static int ok_fn(void) { return 0; }\n";

class Negative : public ::testing::TestWithParam<Lang> {
 protected:
  // Compiles (and, with link, links) the prelude plus `body`.
  testsupport::ProcessResult Build(const std::string& body, bool link = false,
                                   const std::string& extra = "") {
    const Lang& l = GetParam();
    dir_ = testsupport::MakeTempDir("negative");
    const std::string src = dir_ + "/t." + l.ext;
    testsupport::WriteFile(src, std::string(kPrelude) + body);
    std::string cmd = std::string(l.compiler) + " " + l.flags +
                      " -Wall -Wextra -Werror -I" +
                      ShellQuote(testsupport::SourceRoot() + "/include") + " " +
                      ShellQuote(src) + " " + extra +
                      (link ? " -o " + ShellQuote(dir_ + "/prog") : " -c -o /dev/null");
    return RunShell(cmd);
  }
  std::string dir_;
};

TEST_P(Negative, CorrectProgramBuilds) {
  // The control: the same prelude with good entries compiles and links.
  auto r = Build(
      "LINKTABLE_DEFINE(frobs);\n"
      "LINKTABLE_ADD(frobs, 0001, a, ok_fn);\n"
      "int main(void) { return (int)LINKTABLE_COUNT(frobs) - 1; }\n",
      true, "-Wl,-T," + ShellQuote(testsupport::SourceRoot() + "/linker_scripts/linktable.ld"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(RunShell(ShellQuote(dir_ + "/prog")).exit_code, 0);
}

TEST_P(Negative, FunctionOfWrongSignature) {
  auto r = Build("static long bad_fn(int x) { return x; }\n"
                 "LINKTABLE_ADD(frobs, 0001, bad, bad_fn);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable: entry bad does not have the entry type of table frobs"),
            std::string::npos)
      << r.output;
}

TEST_P(Negative, ObjectOfWrongType) {
  auto r = Build("static const double not_a_fn = 1.0;\n"
                 "LINKTABLE_ADD(frobs, 0001, bad, &not_a_fn);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("does not have the entry type of table frobs"), std::string::npos)
      << r.output;
}

TEST_P(Negative, RecordWithWrongNumberOfFields) {
  auto r = Build("LINKTABLE_RECORD(recs, 01, bad, (LINKTABLE_REL(ok_fn)), );\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable: entry bad does not have one field per 32-bit word of "
                          "the entry type of table recs"),
            std::string::npos)
      << r.output;
}

// LINKTABLE_MAX_FIELDS (29): an entry of n 32-bit constants 0, 1, ... in a
// table of its own.
std::string Fields(int n) {
  std::string fields;
  for (int i = 0; i < n; ++i) fields += "(LINKTABLE_U32(" + std::to_string(i) + "))";
  const std::string type = "struct big { uint32_t w[" + std::to_string(n) + "]; };\n"
                           "LINKTABLE_DECLARE(bigs, struct big, 2);\n";
  return type + "LINKTABLE_RECORD(bigs, 01, big, " + fields + ", (\"k=v\"));\n";
}

TEST_P(Negative, RecordWithTheMostFieldsBuildsAndRuns) {
  auto r = Build(Fields(29) +
                     "LINKTABLE_DEFINE(bigs);\n"
                     "int main(void) {\n"
                     "  for (int i = 0; i < 29; ++i)\n"
                     "    if (LINKTABLE_BEGIN(bigs)[0].w[i] != (uint32_t)i) return 1;\n"
                     "  return (int)LINKTABLE_COUNT(bigs) - 1 + (LINKTABLE_MAX_FIELDS != 29);\n"
                     "}\n",
                 true,
                 "-Wl,-T," + ShellQuote(testsupport::SourceRoot() + "/linker_scripts/linktable.ld"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(RunShell(ShellQuote(dir_ + "/prog")).exit_code, 0);
}

TEST_P(Negative, RecordWithMoreFieldsThanTheBound) {
  auto r = Build(Fields(30));
  EXPECT_NE(r.exit_code, 0);
  // The bound's assertion, and no other error (the emitter is left out).
  const size_t first = r.output.find("error: ");
  ASSERT_NE(first, std::string::npos) << r.output;
  EXPECT_NE(r.output.find("linktable: entry big of table bigs has more than 29 fields (expected "
                          "at most LINKTABLE_MAX_FIELDS: GCC takes 30 operands per asm "
                          "statement)",
                          first),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("error: ", r.output.find('\n', first)), std::string::npos) << r.output;
}

TEST_P(Negative, KeyTooLong) {
  auto r = Build("LINKTABLE_ADD(frobs, 00001, bad, ok_fn);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable: key 00001 of entry bad in table frobs must have exactly "
                          "the table"),
            std::string::npos)
      << r.output;
}

TEST_P(Negative, KeyNotPadded) {
  auto r = Build("LINKTABLE_ADD(frobs, 42, bad, ok_fn);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable: key 42 of entry bad in table frobs must have exactly the "
                          "table"),
            std::string::npos)
      << r.output;
}

TEST_P(Negative, KeyWithCharacterOutsideTheSortableSet) {
  auto r = Build("LINKTABLE_ADD(frobs, 00.1, bad, ok_fn);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable: key `00.1` of entry bad in table frobs may only contain "
                          "[0-9A-Za-z_]"),
            std::string::npos)
      << r.output;
}

TEST_P(Negative, DuplicateNameInOneTranslationUnit) {
  auto r = Build("LINKTABLE_ADD(frobs, 0001, twice, ok_fn);\n"
                 "LINKTABLE_ADD(frobs, 0002, twice, ok_fn);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable_emit__frobs__twice"), std::string::npos) << r.output;
}

TEST_P(Negative, DuplicateNameAcrossTranslationUnits) {
  const Lang& l = GetParam();
  const std::string dir = testsupport::MakeTempDir("dup");
  const std::string inc = ShellQuote(testsupport::SourceRoot() + "/include");
  const std::string frag =
      ShellQuote(testsupport::SourceRoot() + "/linker_scripts/linktable.ld");
  testsupport::WriteFile(dir + "/a." + l.ext,
                         std::string(kPrelude) +
                             "LINKTABLE_DEFINE(frobs);\n"
                             "LINKTABLE_ADD(frobs, 0001, twice, ok_fn);\n"
                             "int main(void) { return 0; }\n");
  testsupport::WriteFile(dir + "/b." + l.ext, std::string(kPrelude) +
                                                  "LINKTABLE_ADD(frobs, 0009, twice, ok_fn);\n");
  auto r = RunShell(std::string(l.compiler) + " " + l.flags + " -I" + inc + " " + dir + "/a." +
                    l.ext + " " + dir + "/b." + l.ext + " -Wl,-T," + frag + " -o " + dir + "/p");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("multiple definition of `linktable.entry.frobs.twice'"),
            std::string::npos)
      << r.output;
}

INSTANTIATE_TEST_SUITE_P(CAndCxx, Negative, ::testing::ValuesIn(kLangs),
                         [](const ::testing::TestParamInfo<Lang>& info) {
                           return std::string(info.param.compiler) == "g++"       ? "gxx"
                                  : std::string(info.param.compiler) == "clang++" ? "clangxx"
                                                                                  : info.param.compiler;
                         });

// A program linked without the fragment must not link, whatever the linker,
// and the message names the fix.
class MissingFragment : public ::testing::TestWithParam<const char*> {};

TEST_P(MissingFragment, FailsToLinkNamingTheFix) {
  const std::string dir = testsupport::MakeTempDir("nofrag");
  testsupport::WriteFile(dir + "/t.c", std::string(kPrelude) +
                                           "LINKTABLE_DEFINE(frobs);\n"
                                           "LINKTABLE_ADD(frobs, 0001, a, ok_fn);\n"
                                           "int main(void) { return 0; }\n");
  auto r = RunShell("gcc -std=gnu11 -I" + ShellQuote(testsupport::SourceRoot() + "/include") +
                    " " + dir + "/t.c -fuse-ld=" + GetParam() + " -Wl,--gc-sections -o " + dir +
                    "/p");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("linktable_linker_fragment_missing__link_with__linker_scripts_linktable_ld"),
            std::string::npos)
      << r.output;
}

INSTANTIATE_TEST_SUITE_P(AllLinkers, MissingFragment, ::testing::Values("bfd", "gold", "lld"));

// gold cannot use the INSERT fragment; its error points at the line that
// says what to use instead.
TEST(GoldWithInsertFragment, FailsPointingAtTheExplanation) {
  const std::string dir = testsupport::MakeTempDir("goldfrag");
  testsupport::WriteFile(dir + "/t.c", std::string(kPrelude) +
                                           "LINKTABLE_DEFINE(frobs);\n"
                                           "int main(void) { return 0; }\n");
  const std::string frag = testsupport::SourceRoot() + "/linker_scripts/linktable.ld";
  auto r = RunShell("gcc -std=gnu11 -I" + ShellQuote(testsupport::SourceRoot() + "/include") +
                    " " + dir + "/t.c -fuse-ld=gold -Wl,-T," + ShellQuote(frag) + " -o " + dir +
                    "/p");
  ASSERT_NE(r.exit_code, 0);
  // gold reports file:line:column; that line carries the explanation.
  const std::string marker = "linktable.ld:";
  const size_t at = r.output.find(marker);
  ASSERT_NE(at, std::string::npos) << r.output;
  const int line = std::stoi(r.output.substr(at + marker.size()));
  const std::string text = testsupport::ReadFile(frag);
  size_t pos = 0;
  for (int i = 1; i < line; ++i) pos = text.find('\n', pos) + 1;
  const std::string that_line = text.substr(pos, text.find('\n', pos) - pos);
  EXPECT_NE(that_line.find("linktable-gold.opts"), std::string::npos) << that_line;
}

}  // namespace
