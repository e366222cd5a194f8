// Golden output of earlyinit-audit: every command and format on the fixed
// fixture binaries, every damaged input and every usage error (cases.txt).
// Addresses (list's JSON "address") depend on the toolchain's layout: they
// are masked here, and checked for real by agreement_test and audit_test.
//
// After an intended change: AUDIT_UPDATE_GOLDEN=1 bazel run //tests/audit:golden_test
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/audit/fixtures_env.h"
#include "tests/support/process.h"

namespace {

struct Case {
  std::string name, args;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::ifstream in(testsupport::SourceRoot() + "/tests/audit/cases.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    Case c;
    ls >> c.name;
    std::getline(ls, c.args);
    const size_t b = c.args.find_first_not_of(' ');
    c.args = b == std::string::npos ? "" : c.args.substr(b);
    cases.push_back(c);
  }
  return cases;
}

std::string MaskAddresses(const std::string& out) {
  static const std::regex address(R"re("address": "0x[0-9a-f]+")re");
  return std::regex_replace(out, address, R"("address": "0x...")");
}

std::string Render(const Case& c, const audit_test::ToolResult& r) {
  return "$ earlyinit-audit " + c.args + "\n" + MaskAddresses(r.out) + "--- stderr\n" + r.err +
         "--- exit " + std::to_string(r.exit_code) + "\n";
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, Output) {
  const Case& c = GetParam();
  ASSERT_FALSE(audit_test::FixtureDir().empty());
  const auto r = audit_test::RunTool(c.args);
  const std::string got = Render(c, r);
  // Never a crash, whatever the case.
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2) << got;
  const char* update = getenv("AUDIT_UPDATE_GOLDEN");
  const char* ws = getenv("BUILD_WORKSPACE_DIRECTORY");
  if (update && *update && ws) {
    testsupport::WriteFile(std::string(ws) + "/tests/audit/golden/" + c.name + ".txt", got);
    return;
  }
  const std::string path = testsupport::SourceRoot() + "/tests/audit/golden/" + c.name + ".txt";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "no golden file " << path << "; this run gave:\n" << got;
  std::stringstream want;
  want << in.rdbuf();
  EXPECT_EQ(want.str(), got) << "golden " << c.name << " differs";
}

INSTANTIATE_TEST_SUITE_P(Audit, Golden, ::testing::ValuesIn(LoadCases()),
                         [](const ::testing::TestParamInfo<Case>& i) { return i.param.name; });

// Every golden file belongs to a case.
TEST(GoldenFiles, NoneStale) {
  auto r = testsupport::RunShell("ls " + testsupport::ShellQuote(testsupport::SourceRoot() + "/tests/audit/golden"));
  std::istringstream in(r.output);
  std::string f;
  const auto cases = LoadCases();
  while (in >> f) {
    bool found = false;
    for (const auto& c : cases) found = found || c.name + ".txt" == f;
    EXPECT_TRUE(found) << "golden/" << f << " has no case in cases.txt";
  }
}

}  // namespace
