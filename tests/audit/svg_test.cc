// `earlyinit-audit trace --format svg`: the picture of real boots of
// examples/kernel (tests/audit/logs) is well-formed XML (xmllint), renders
// with rsvg-convert, and every bar is in the PNG where the SVG says, in its
// status colour, end to end, in proportion to its cycles (svg_check.py).
// Each bar has a <title>; the legend names every status.
#include <regex>
#include <string>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::RunShell;
using testsupport::ShellQuote;

struct Svg {
  std::string path, text;
};

Svg Render(const std::string& logs) {
  const std::string root = testsupport::SourceRoot();
  const std::string dir = testsupport::MakeTempDir("trace_svg");
  Svg s{dir + "/boots.svg", ""};
  auto r = RunShell("cd " + ShellQuote(root + "/tests/audit/logs") + " && " +
                    ShellQuote(root + "/src/audit/earlyinit-audit") + " trace --format svg " + logs +
                    " > " + ShellQuote(s.path));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  s.text = testsupport::ReadFile(s.path);
  return s;
}

int Count(const std::string& text, const std::string& re) {
  const std::regex r(re);
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), r),
                                        std::sregex_iterator()));
}

class TraceSvg : public ::testing::TestWithParam<const char*> {};

TEST_P(TraceSvg, WellFormedAndBarsWhereTheSvgSaysInThePng) {
  const Svg s = Render(GetParam());
  auto xml = RunShell("xmllint --noout " + ShellQuote(s.path) + " 2>&1");
  EXPECT_EQ(xml.exit_code, 0) << xml.output;
  // As on a fresh machine: $HOME empty of caches (svg_check.py gives
  // rsvg-convert's fontconfig a cache in the test's directory); the verdict
  // is read from stdout alone, whatever warnings go to stderr.
  const std::string home = testsupport::MakeTempDir("empty_home");
  auto check = RunShell("HOME=" + ShellQuote(home) + " python3 " +
                        ShellQuote(testsupport::SourceRoot() + "/tests/audit/svg_check.py") + " " +
                        ShellQuote(s.path) + " " + ShellQuote(s.path + ".png") + " 2>" +
                        ShellQuote(s.path + ".stderr"));
  const std::string stderr_text = testsupport::ReadFile(s.path + ".stderr");
  EXPECT_EQ(check.exit_code, 0) << check.output << stderr_text;
  EXPECT_EQ(check.output.rfind("ok ", 0), 0u) << check.output << stderr_text;
  EXPECT_EQ(Count(s.text, "<rect class=\"bar\""), Count(s.text, "<rect class=\"bar\"[^>]*><title>"));
  for (const char* status : {">ok<", ">failed<", ">skipped<", ">unfinished<"})
    EXPECT_NE(s.text.find(status), std::string::npos) << "legend lacks " << status;
}

INSTANTIATE_TEST_SUITE_P(Logs, TraceSvg,
                         ::testing::Values("kernel-pvh.log kernel-multiboot.log",
                                           "kernel-multiboot-bad-cmdline.log malformed.log",
                                           "two-boots.log fixture-wrong.log"));

// One bar per step of each boot: 7 + 7 in the kernel logs.
TEST(TraceSvgBars, OnePerStep) {
  const Svg s = Render("kernel-pvh.log kernel-multiboot.log");
  EXPECT_EQ(Count(s.text, "<rect class=\"bar\""), 14);
  EXPECT_EQ(Count(s.text, "<g class=\"boot\">"), 2);
  EXPECT_NE(s.text.find(">kasan_early 9090945 (48.2%)<"), std::string::npos) << "readable label";
}

}  // namespace
