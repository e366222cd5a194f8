// Agreement with reality: the hosted example's dispatcher runs every
// subarch's chain with a recording tracer (`hosted --link-addresses` prints
// each step, its status and its function's link-time address); what ran
// must be exactly what `earlyinit-audit list` reads from the same file, in
// the same order, down to the function. Also on a stripped copy, where the
// audit has no symbol table to lean on.
#include <algorithm>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::Run;
using testsupport::SourceRoot;

const std::string kHosted = "examples/hosted/hosted";
const std::string kAudit = "src/audit/earlyinit-audit";

// One executed (or listed) step: "phase step fn=0x...".
using Chains = std::map<std::string, std::vector<std::string>>;

// subarch -> steps, from the dispatcher's trace lines
//   earlyinit: <subarch> <phase> <step> <status> ... @<clock> fn=0x...
Chains WhatRan(const std::string& output) {
  static const std::regex line(
      R"(^earlyinit: (\S+) (\S+) (\S+) (\S+) .*@\d+ fn=(0x[0-9a-f]+)$)");
  Chains ran;
  std::istringstream in(output);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (!std::regex_match(l, m, line)) continue;
    EXPECT_EQ(m[4].str(), "ok") << "the hosted example's steps all succeed: " << l;
    ran[m[1]].push_back(m[2].str() + " " + m[3].str() + " fn=" + m[5].str());
  }
  return ran;
}

// The enabled subarchs of `list`'s text output ("subarch pc (id 0, PC): 7 steps").
std::vector<std::string> ListedSubarchs(const std::string& text) {
  static const std::regex header(R"(^subarch (\S+) \(id \d+, .*\): \d+ steps?$)");
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_match(l, m, header)) out.push_back(m[1]);
  }
  return out;
}

// One subarch's chain from `list --subarch S --format json`: the chain
// entries' "phase", "step" and "address" keys, one per line, in order.
std::vector<std::string> ListedChain(const std::string& json) {
  static const std::regex kv(R"re(^\s*"(phase|step|address)": (?:"([^"]*)"|null),?$)re");
  std::vector<std::string> out;
  std::string phase, step;
  std::istringstream in(json);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (!std::regex_match(l, m, kv)) continue;
    if (m[1] == "phase") phase = m[2];
    if (m[1] == "step") step = m[2];
    if (m[1] == "address") out.push_back(phase + " " + step + " fn=" + m[2].str());
  }
  return out;
}

void ExpectAuditAgrees(const std::string& binary, const Chains& ran) {
  const auto text = Run({SourceRoot() + "/" + kAudit, "list", binary});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  const std::vector<std::string> subarchs = ListedSubarchs(text.output);
  std::vector<std::string> traced;
  for (const auto& kv : ran) traced.push_back(kv.first);
  std::vector<std::string> listed_sorted = subarchs;
  std::sort(listed_sorted.begin(), listed_sorted.end());
  EXPECT_EQ(listed_sorted, traced) << "subarchs listed vs subarchs booted";
  for (const std::string& s : subarchs) {
    const auto json = Run({SourceRoot() + "/" + kAudit, "list", "--subarch", s, "--format",
                           "json", binary});
    ASSERT_EQ(json.exit_code, 0) << json.output;
    const auto it = ran.find(s);
    ASSERT_NE(it, ran.end()) << s;
    EXPECT_EQ(ListedChain(json.output), it->second) << "subarch " << s << " of " << binary;
  }
}

class Agreement : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r = testsupport::Run({SourceRoot() + "/" + kHosted, "--link-addresses"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ran_ = WhatRan(r.output);
    // Six subarchs, each with at least CR4 shadow and KASAN: a parser that
    // matched nothing must not make the comparison vacuous.
    ASSERT_EQ(ran_.size(), 6u) << r.output;
    for (const auto& kv : ran_) ASSERT_GE(kv.second.size(), 6u) << kv.first;
  }
  Chains ran_;
};

TEST_F(Agreement, DispatcherRanWhatTheAuditListsForEverySubarch) {
  ExpectAuditAgrees(SourceRoot() + "/" + kHosted, ran_);
}

// The example declares dependencies (kasan_early on cr4_shadow, e820 and
// console on cmdline) and exemptions: `check` of the real binary is clean
// (a dependency recorded under a wrong name is an unknown-dep violation).
TEST_F(Agreement, CheckOfTheHostedExampleIsClean) {
  const std::string bin = SourceRoot() + "/" + kHosted;
  const auto check = testsupport::Run({SourceRoot() + "/" + kAudit, "check", bin});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("8 steps, 41 implementations, 7 exemptions: OK"), std::string::npos)
      << check.output;
}

// The same agreement as one command: `trace --binary` reads the hosted
// example's output (six boots, one per subarch, lines without cycles=) and
// finds every boot ran its chain, function by function.
TEST_F(Agreement, TraceOfTheHostedRunAgreesWithTheBinary) {
  const std::string dir = testsupport::MakeTempDir("agreement_trace");
  const auto r = testsupport::Run({SourceRoot() + "/" + kHosted, "--link-addresses"});
  testsupport::WriteFile(dir + "/hosted.log", r.output);
  const auto t = testsupport::Run({SourceRoot() + "/" + kAudit, "trace", "--binary",
                                   SourceRoot() + "/" + kHosted, dir + "/hosted.log"});
  EXPECT_EQ(t.exit_code, 0) << t.output;
  EXPECT_NE(t.output.find("boot 6: "), std::string::npos) << t.output;
  EXPECT_NE(t.output.find("every boot ran the binary's chain"), std::string::npos) << t.output;
}

TEST_F(Agreement, StrippedCopyListsTheSameChains) {
  const std::string dir = testsupport::MakeTempDir("agreement");
  const std::string stripped = dir + "/hosted.stripped";
  const auto s = testsupport::Run({"strip", "--strip-all", "-o", stripped, SourceRoot() + "/" + kHosted});
  ASSERT_EQ(s.exit_code, 0) << s.output;
  ExpectAuditAgrees(stripped, ran_);
}

// The trace really carries which function ran: Xen PV runs its own CR4
// function, every other subarch the native one.
TEST_F(Agreement, XenPvRunsItsOwnCr4Function) {
  auto fn_of = [&](const std::string& s) {
    for (const std::string& e : ran_.at(s))
      if (e.rfind("early cr4_shadow ", 0) == 0) return e.substr(e.find("fn="));
    return std::string("none");
  };
  EXPECT_NE(fn_of("xen_pv"), fn_of("pc"));
  EXPECT_EQ(fn_of("xen_pvh"), fn_of("pc"));
  EXPECT_EQ(fn_of("lguest"), fn_of("pc"));
}

TEST(AgreementParsers, ReadTraceAndJson) {
  const Chains ran = WhatRan(
      "== PC\nearlyinit: pc early cr4_shadow ok @12 fn=0x10\n   early: 1 run\n"
      "earlyinit: pc late console ok @13 fn=0x20\n");
  ASSERT_EQ(ran.size(), 1u);
  EXPECT_EQ(ran.at("pc"), (std::vector<std::string>{"early cr4_shadow fn=0x10",
                                                     "late console fn=0x20"}));
  EXPECT_EQ(ListedChain("{\n  \"phase\": \"early\",\n  \"step\": \"a\",\n  \"address\": \"0x10\",\n"
                        "  \"phase\": \"late\",\n  \"step\": \"b\",\n  \"address\": null\n}\n"),
            (std::vector<std::string>{"early a fn=0x10", "late b fn="}));
  EXPECT_EQ(ListedSubarchs("subarch pc (id 0, PC): 7 steps\nx\nsubarch xen_pvh (id 5, Xen PVH): 1 step\n"),
            (std::vector<std::string>{"pc", "xen_pvh"}));
}

}  // namespace
