// earlyinit-audit: every input kind gives the same answer, the tool agrees
// with what the fixture program really runs, damaged copies never crash it,
// colour only on a terminal, and unit tests of the pieces.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/audit/audit.h"
#include "src/audit/base/source.h"
#include "src/audit/commands/check_cmd.h"
#include "src/audit/commands/list_cmd.h"
#include "src/audit/presets.h"
#include "src/audit/report/json.h"
#include "src/audit/report/list_report.h"
#include "src/audit/report/report_fields.h"
#include "src/audit/tables/file_bytes.h"
#include "src/audit/tables/model.h"
#include "src/audit/tables/program.h"
#include "tests/audit/fixtures_env.h"
#include "tests/support/process.h"

namespace {

using audit_test::FixtureDir;
using audit_test::RunTool;

// The same program as objects, archives, PIE, clang+lld, stripped, 32-bit:
// identical list, matrix and check output.
class Variants : public ::testing::TestWithParam<std::string> {};

TEST_P(Variants, SameAnswerAsTheExecutable) {
  for (const char* cmd : {"list", "matrix", "check", "diff pc xen_pv"}) {
    const auto want = RunTool(std::string(cmd) + " good");
    const auto got = RunTool(std::string(cmd) + " " + GetParam());
    EXPECT_EQ(got.exit_code, want.exit_code) << cmd << " " << GetParam() << "\n" << got.err;
    EXPECT_EQ(got.out, want.out) << cmd << " " << GetParam();
    EXPECT_EQ(got.err, "") << cmd << " " << GetParam();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Audit, Variants,
    ::testing::Values("good.pie", "good.clang", "good.stripped", "good32", "good32.stripped",
                      "good_decl.o good_pc.o good_xen.o good_kasan.o good_main.o",
                      "good_decl.o good_main.o libgood.a", "m32/good_decl.o libgood32.a",
                      "pie/good_decl.o pie/good_pc.o pie/good_xen.o pie/good_kasan.o",
                      "clang/good_decl.o clang/good_pc.o clang/good_xen.o clang/good_kasan.o"),
    [](const ::testing::TestParamInfo<std::string>& i) {
      std::string n;
      for (char c : i.param) n += isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return n;
    });

// The steps `list` shows for a subarch, in order.
std::vector<std::string> ListedSteps(const std::string& out) {
  std::vector<std::string> steps;
  std::istringstream in(out);
  std::string line;
  std::getline(in, line);  // "subarch ..."
  std::getline(in, line);  // column heads
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string phase, level, order, step;
    if (ls >> phase >> level >> order >> step) steps.push_back(step);
  }
  return steps;
}

// What the program runs for each subarch is what `list` says, for the
// executable, the PIE and the clang build.
TEST(Agreement, ListIsWhatRuns) {
  ASSERT_FALSE(FixtureDir().empty());
  for (const char* prog : {"good", "good.pie", "good.clang"}) {
    for (const char* sub : {"pc", "xen_pv", "xen_pvh"}) {
      auto run = testsupport::RunShell("cd " + testsupport::ShellQuote(FixtureDir()) + " && ./" +
                                       prog + " " + sub);
      ASSERT_EQ(run.exit_code, 0) << run.output;
      std::vector<std::string> ran;
      std::istringstream in(run.output);
      std::string s;
      while (in >> s) ran.push_back(s);
      const auto listed = RunTool(std::string("list --subarch ") + sub + " " + prog);
      ASSERT_EQ(listed.exit_code, 0) << listed.err;
      EXPECT_EQ(ListedSteps(listed.out), ran) << prog << " " << sub;
      EXPECT_FALSE(ran.empty());
    }
  }
}

// Colour only on a terminal (or when asked), never with NO_COLOR.
TEST(Colour, OnlyOnATerminal) {
  ASSERT_FALSE(FixtureDir().empty());
  const std::string file = FixtureDir() + "/parity";
  auto run = [&](const std::vector<std::string>& args, bool tty) {
    std::ostringstream out, err;
    audit::Run(args, out, err, tty);
    return out.str();
  };
  EXPECT_EQ(run({"matrix", file}, false).find('\033'), std::string::npos);
  EXPECT_NE(run({"matrix", file}, true).find("\033[31;1mMISSING\033[0m"), std::string::npos);
  EXPECT_EQ(run({"--color", "never", "matrix", file}, true).find('\033'), std::string::npos);
  EXPECT_EQ(run({"--format", "json", "matrix", file}, true).find('\033'), std::string::npos);
  setenv("NO_COLOR", "1", 1);
  EXPECT_EQ(run({"matrix", file}, true).find('\033'), std::string::npos);
  unsetenv("NO_COLOR");
  // Without a terminal, the binary prints no colour either.
  EXPECT_EQ(RunTool("matrix parity").out.find('\033'), std::string::npos);
}

// Damaged copies of real inputs: the tool answers (0, 1 or 2), never crashes.
TEST(Robustness, RandomDamageNeverCrashes) {
  ASSERT_FALSE(FixtureDir().empty());
  std::mt19937 rng(20240501);
  for (const char* name : {"good", "good32", "good_pc.o", "libgood.a", "tables"}) {
    const std::string orig = testsupport::ReadFile(FixtureDir() + "/" + name);
    ASSERT_FALSE(orig.empty());
    for (int i = 0; i < 300; ++i) {
      std::string b = orig;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < flips; ++k) {
        const size_t at = rng() % b.size();
        switch (rng() % 3) {
          case 0: b[at] = static_cast<char>(rng()); break;
          case 1: b[at] = static_cast<char>(0xff); break;
          default: b.resize(at); break;
        }
        if (b.empty()) break;
      }
      for (const char* cmd : {"list", "check", "matrix"}) {
        std::ostringstream out, err;
        const int rc = audit::RunWith(
            {cmd, "x"}, out, err, false,
            [](const std::vector<std::string>&, audit::Program* p, std::string* e, void* ctx) {
              p->files = {"x"};
              return audit::LoadBuffer(*static_cast<std::string*>(ctx), "x", &p->objects, e) &&
                     audit::BuildProgram(p, e);
            },
            &b);
        EXPECT_TRUE(rc >= 0 && rc <= 2);
        if (rc == 2) {
          EXPECT_NE(err.str(), "");
        }
      }
    }
  }
}

TEST(Model, ReadsTheFixture) {
  ASSERT_FALSE(FixtureDir().empty());
  audit::Program p;
  std::string error;
  ASSERT_TRUE(audit::LoadProgram({FixtureDir() + "/good.stripped"}, &p, &error)) << error;
  EXPECT_TRUE(p.executable);
  EXPECT_EQ(p.elf_class, 64);
  audit::Model m;
  audit::BuildModel(p, &m);
  ASSERT_EQ(m.subarchs.size(), 3u);
  EXPECT_EQ(m.subarchs[1].name, "xen_pv");
  EXPECT_EQ(m.subarchs[1].id, 2);
  ASSERT_EQ(m.steps.size(), 6u);
  EXPECT_EQ(m.steps[1].name, "kasan_early");
  EXPECT_EQ(m.steps[1].deps, std::vector<std::string_view>{"cr4_shadow"});
  EXPECT_EQ(m.steps[4].deps, std::vector<std::string_view>{"e820_setup"});  // earlyinit_deps
  const audit::Chain* c = m.FindChain("early", "xen_pv");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->impls.size(), 2u);
  EXPECT_EQ(c->impls[1].function, "kasan::early_init()");
  EXPECT_EQ(c->impls[1].flags, 1u);  // the flag bits of the step reference
  EXPECT_TRUE(audit::Check(p, m).empty());
  EXPECT_EQ(m.FindExemptions("idt_early", "xen_pv").size(), 1u);
}

TEST(Units, Demangle) {
  EXPECT_EQ(audit::Demangle("_ZN5kasan10early_initEv"), "kasan::early_init()");
  EXPECT_EQ(audit::Demangle("_ZN5kasan10early_initEv.lto_priv.0"),
            "kasan::early_init() [clone .lto_priv.0]");
  EXPECT_EQ(audit::Demangle("native_cr4_shadow"), "native_cr4_shadow");
  EXPECT_EQ(audit::Demangle("_Znot_valid"), "_Znot_valid");
}

TEST(Units, JsonEscapes) {
  EXPECT_EQ(audit::JsonEscape("a\"b\\c\n\x01\xc3"), "\"a\\\"b\\\\c\\n\\u0001\\u00c3\"");
  std::string out;
  audit::JsonWriter j(&out);
  j.BeginObject();
  j.Key("a").BeginArray().End();
  j.Key("b").Int(-3);
  j.Key("c").BeginArray().Str("x").BeginObject().Key("d").Null().Key("e").Bool(true).End().End();
  j.End();
  EXPECT_TRUE(j.done());
  EXPECT_EQ(out, "{\n  \"a\": [],\n  \"b\": -3,\n  \"c\": [\n    \"x\",\n    {\n      \"d\": null,\n"
                 "      \"e\": true\n    }\n  ]\n}");
}

// With a sink, a long document leaves the writer's string in pieces, and
// the pieces and the rest are the document the plain writer makes.
TEST(Units, JsonFlushesLongDocuments) {
  auto write = [](audit::JsonWriter& j) {
    j.BeginArray();
    for (int i = 0; i < 20000; ++i) j.BeginObject().Key("i").Int(i).Key("s").Str("entry").End();
    j.End();
  };
  std::string whole;
  audit::JsonWriter plain(&whole);
  write(plain);
  std::string rest;
  std::ostringstream sink;
  audit::JsonWriter flushing(&rest, &sink);
  write(flushing);
  EXPECT_GT(whole.size(), 500000u);
  EXPECT_LT(rest.size(), 64u * 1024) << "written out as it went";
  EXPECT_EQ(sink.str() + rest, whole);
}

// list sizes its columns from these widths before it makes the cells.
TEST(Units, WidthsAreTheSizesOfTheCells) {
  for (int v : {-1, 0, 7, 9, 10, 99, 100, 9999, 10000, 123456789})
    for (size_t w : {2u, 4u}) EXPECT_EQ(audit::PadWidth(v, w), audit::Pad(v, w).size()) << v << " " << w;
  for (uint32_t line : {0u, 9u, 10u, 4294967295u}) {
    EXPECT_EQ(audit::SourceWidth("a.c", line), audit::Source("a.c", line).size()) << line;
    EXPECT_EQ(audit::SourceWidth("", line), audit::Source("", line).size());
  }
}

// An unknown subarch is an error before anything is computed; ComputeList
// of one shows nothing rather than a subarch without its sequence.
TEST(Units, ListOfAnUnknownSubarchLeavesNothingToRender) {
  audit::Model m;
  m.subarchs = {{"xen_pv", "Xen PV", 2, "", 0}};
  m.Index();
  EXPECT_EQ(audit::UnknownSubarch(audit::AllSubarchs(m), "pc"), "unknown subarch pc (known: xen_pv)");
  audit::ListResult r = audit::ComputeList(m, "pc");
  EXPECT_TRUE(r.subarchs.empty());
  std::ostringstream out;
  audit::RenderListText(m, r, out);
  EXPECT_EQ(out.str(), "no subarchs and no chains\n");
  r = audit::ComputeList(m, "xen_pv");
  EXPECT_EQ(r.subarchs.size(), 1u);
  EXPECT_EQ(r.subarchs.size(), r.sequences.size());
}

// paths --preset's data (src/audit/presets.txt) parses, and a bad line is
// named by its number.
TEST(Units, PresetsAreData) {
  ASSERT_NE(audit::FindPreset("linux-x86_64"), nullptr);
  const audit::Preset& p = *audit::FindPreset("linux-x86_64");
  ASSERT_EQ(p.entries.size(), 3u);
  EXPECT_EQ(p.entries[1].symbols, (std::vector<std::string>{"earlyinit_enter_pvh|xen_prepare_pvh", "x86_64_start_kernel"}));
  EXPECT_EQ(p.entries[1].subarch, "xen_pvh");
  EXPECT_TRUE(p.entries[1].optional);
  EXPECT_EQ(p.stops.count("start_kernel"), 1u);
  std::vector<audit::Preset> v;
  EXPECT_EQ(audit::ParsePresets("# c\npreset a\nentry e s f,g\nstop x\npreset b\n", &v), "");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].entries[0].symbols, (std::vector<std::string>{"f", "g"}));
  std::vector<audit::Preset> bad;
  EXPECT_EQ(audit::ParsePresets("stop x\n", &bad), "line 1: \"stop\" before the first preset");
  EXPECT_NE(audit::ParsePresets("preset a\n\nentry e f\n", &bad).find("line 3: want"), std::string::npos);
}

TEST(Units, LoadBufferRejectsGarbage) {
  std::vector<audit::ElfObject> objs;
  std::string error;
  EXPECT_FALSE(audit::LoadBuffer("", "e", &objs, &error));
  EXPECT_NE(error.find("not an ELF file"), std::string::npos) << error;
  std::string hdr = "\x7f" "ELF\x02\x01\x01";
  hdr.resize(64, '\0');
  EXPECT_FALSE(audit::LoadBuffer(hdr.substr(0, 40), "t", &objs, &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  EXPECT_FALSE(audit::LoadBuffer("!<arch>\nxx", "a", &objs, &error));
  EXPECT_NE(error.find("a:"), std::string::npos) << error;
}

// Dropped pages of a mapped file read the same afterwards (from the file);
// a view of other bytes, or bytes from memory, are left alone.
TEST(Units, DroppedPagesReadTheSame) {
  std::string bytes(5 * 4096 + 123, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + i / 4096);
  const char* tmp = getenv("TEST_TMPDIR");
  const std::string path = std::string(tmp ? tmp : "/tmp") + "/dropped_pages.bin";
  FILE* f = fopen(path.c_str(), "wb");
  ASSERT_TRUE(f);
  ASSERT_EQ(fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
  fclose(f);
  std::string error;
  auto mapped = audit::FileBytes::Map(path, &error);
  ASSERT_TRUE(mapped) << error;
  ASSERT_EQ(mapped->view(), bytes);
  mapped->Drop(mapped->view().substr(100, 3 * 4096));
  mapped->Drop(mapped->view());
  mapped->Drop(std::string_view(bytes));  // not its bytes: ignored
  EXPECT_EQ(mapped->view(), bytes);
  auto memory = audit::FileBytes::FromString(bytes);
  memory->Drop(memory->view());
  EXPECT_EQ(memory->view(), bytes);
}

// A mapped input that shrinks under the reader ends the tool with status 2
// and the file's name, not a crash by SIGBUS.
TEST(UnitsDeathTest, ATruncatedInputIsNamedNotACrash) {
  const char* tmp = getenv("TEST_TMPDIR");
  const std::string path = std::string(tmp ? tmp : "/tmp") + "/shrinks.bin";
  const std::string bytes(3 * 4096, 'x');
  FILE* f = fopen(path.c_str(), "wb");
  ASSERT_TRUE(f);
  ASSERT_EQ(fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
  fclose(f);
  auto read_after_truncation = [&] {
    audit::FileBytes::ReportTruncation();
    std::string error;
    auto mapped = audit::FileBytes::Map(path, &error);
    if (!mapped || truncate(path.c_str(), 0) != 0) _exit(3);
    volatile char c = mapped->data()[2 * 4096];  // beyond the new end
    (void)c;
    _exit(0);
  };
  EXPECT_EXIT(read_after_truncation(), ::testing::ExitedWithCode(2),
              "earlyinit-audit: .*/shrinks.bin: the file was truncated while it was being read");
}

// The tool's sources also build with clang++ -Wall -Wextra -Werror.
TEST(Build, CompilesWithClang) {
  const std::string root = testsupport::SourceRoot();
  for (const char* f : {"audit", "tables/elf_file", "report/json", "tables/model", "tables/program", "main"}) {
    auto r = testsupport::RunShell("clang++ -std=c++17 -Wall -Wextra -Werror -fsyntax-only -I" +
                                   testsupport::ShellQuote(root) + " -I" +
                                   testsupport::ShellQuote(root + "/include") + " " +
                                   testsupport::ShellQuote(root + "/src/audit/" + f + ".cc") + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << f << ".cc:\n" << r.output;
  }
}

}  // namespace
