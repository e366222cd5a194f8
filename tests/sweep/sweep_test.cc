// Every (step, subarch) pair of examples/kernel, not one: the PVH kernel's
// objects are compiled once (GCC, the kernel's flags), then for each pair
// the object that provides it (an implementation or an exemption) is
// relinked
//   - without the pair's parity section (objcopy --remove-section): the
//     link must fail naming exactly that pair, and no other;
//   - with a second provider of the pair (the section copied into an object
//     of its own under another provider's name): the link must fail naming
//     the pair and both providers.
// Each pair's parity symbol lives in its own section,
// .rodata.earlyinit.provided_by.<provider>.<subarch> (earlyinit/step.h).
#include <dirent.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {


using testsupport::SourceRoot;

const char kProvidedBy[] = ".rodata.earlyinit.provided_by.";
const char kParityPrefix[] = "earlyinit__step_";
const char kParitySuffix[] = "__needs_exactly_one_implementation_or_exemption";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<std::string> Sources(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(n);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// One pair: the object and section that provide it, and its parity symbol.
struct Pair {
  std::string object, section, symbol;
};

// The kernel's objects, compiled once.
struct Kernel {
  std::string dir, error;
  std::vector<std::string> objects;
  std::vector<Pair> pairs;
};

std::string Compile(const std::vector<std::string>& flags, const std::string& src,
                    const std::string& obj) {
  std::vector<std::string> argv = {flags[0]};
  argv.insert(argv.end(), flags.begin() + 1, flags.end());
  argv.insert(argv.end(), {"-c", src, "-o", obj});
  auto r = testsupport::Run(argv);
  return r.exit_code == 0 ? "" : src + ":\n" + r.output;
}

// Sections named kProvidedBy* and the global symbol each defines.
void FindPairs(const std::string& obj, std::vector<Pair>* pairs) {
  std::map<std::string, std::string> index_to_section;
  for (const std::string& line : Lines(testsupport::Run({"readelf", "-SW", obj}).output)) {
    const size_t open = line.find('['), close = line.find(']');
    if (open == std::string::npos || close == std::string::npos) continue;
    const std::vector<std::string> w = Words(line.substr(close + 1));
    if (!w.empty() && w[0].rfind(kProvidedBy, 0) == 0)
      index_to_section[Words(line.substr(open + 1, close - open - 1))[0]] = w[0];
  }
  for (const std::string& line : Lines(testsupport::Run({"readelf", "-sW", obj}).output)) {
    const std::vector<std::string> w = Words(line);  // Num Value Size Type Bind Vis Ndx Name
    if (w.size() < 8 || w[7].rfind(kParityPrefix, 0) != 0 ||
        w[7].find(kParitySuffix) == std::string::npos)
      continue;
    auto it = index_to_section.find(w[6]);
    if (it != index_to_section.end()) pairs->push_back({obj, it->second, w[7]});
  }
}

const Kernel& Build() {
  static Kernel k;
  if (!k.dir.empty()) return k;
  const std::string root = SourceRoot();
  k.dir = testsupport::MakeTempDir("sweep");
  const std::vector<std::string> common = {"-I" + root, "-I" + root + "/include", "-Wall",
                                           "-Wextra", "-Werror"};
  std::vector<std::string> cxx = {"g++"};
  for (const std::string& f : Lines(testsupport::ReadFile(root + "/examples/kernel/cxxopts.txt")))
    cxx.push_back(f);
  cxx.insert(cxx.end(), common.begin(), common.end());
  cxx.push_back("-std=c++17");
  std::vector<std::string> c = {"gcc"};
  for (const std::string& f : Lines(testsupport::ReadFile(root + "/examples/kernel/copts.txt")))
    c.push_back(f);
  c.insert(c.end(), common.begin(), common.end());
  c.push_back("-std=gnu11");
  std::vector<std::string> srcs = Sources(root + "/examples/kernel", ".cc");
  for (const std::string& s : Sources(root + "/examples/kernel", ".S")) srcs.push_back(s);
  for (const std::string& f : srcs) {
    // The multiboot entry belongs to the other image.
    if (f == "multiboot.cc" || f == "entry_multiboot.S") continue;
    k.objects.push_back(k.dir + "/" + f + ".o");
    k.error += Compile(cxx, root + "/examples/kernel/" + f, k.objects.back());
    FindPairs(k.objects.back(), &k.pairs);
  }
  for (const std::string& f : Sources(root + "/src/bootproto", ".c")) {
    k.objects.push_back(k.dir + "/bootproto_" + f + ".o");
    k.error += Compile(c, root + "/src/bootproto/" + f, k.objects.back());
  }
  return k;
}

// Links the kernel with `replace` substituted for one object and `extra`
// objects added.
testsupport::ProcessResult Link(const std::string& original, const std::string& replace,
                                const std::vector<std::string>& extra) {
  const std::string root = SourceRoot();
  const Kernel& k = Build();
  std::vector<std::string> argv = {"g++"};
  for (const std::string& f : Lines(testsupport::ReadFile(root + "/examples/kernel/linkflags.txt")))
    argv.push_back(f);
  argv.insert(argv.end(), {"-fuse-ld=bfd", "-Wl,-L," + root + "/linker_scripts",
                           "-Wl,-T," + root + "/examples/kernel/kernel.ld", "-o",
                           k.dir + "/image"});
  for (const std::string& o : k.objects) argv.push_back(o == original ? replace : o);
  argv.insert(argv.end(), extra.begin(), extra.end());
  return testsupport::Run(argv);
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class Sweep : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Build().error, ""); }
};

TEST_F(Sweep, TheWholeKernelLinksAndHasEveryPair) {
  auto r = Link("", "", {});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // Eight steps, two subarchs (pc, xen_pvh): sixteen pairs, each provided once.
  std::vector<std::string> symbols;
  for (const Pair& p : Build().pairs) symbols.push_back(p.symbol);
  std::sort(symbols.begin(), symbols.end());
  EXPECT_EQ(symbols.size(), 16u);
  EXPECT_EQ(std::unique(symbols.begin(), symbols.end()), symbols.end());
}

TEST_F(Sweep, RemovingAnyPairFailsTheLinkNamingExactlyThatPair) {
  const Kernel& k = Build();
  for (const Pair& p : k.pairs) {
    const std::string without = k.dir + "/without.o";
    auto cp = testsupport::Run({"objcopy", "--remove-section=" + p.section, p.object, without});
    ASSERT_EQ(cp.exit_code, 0) << cp.output;
    auto r = Link(p.object, without, {});
    EXPECT_NE(r.exit_code, 0) << p.symbol;
    EXPECT_NE(r.output.find("undefined reference to `" + p.symbol + "'"), std::string::npos)
        << p.symbol << "\n" << r.output;
    EXPECT_EQ(Count(r.output, "undefined reference to `"), Count(r.output, p.symbol))
        << "another pair is reported too:\n" << r.output;
  }
}

TEST_F(Sweep, DuplicatingAnyPairFailsTheLinkNamingBothProviders) {
  const Kernel& k = Build();
  for (const Pair& p : k.pairs) {
    const std::string provider = p.section.substr(sizeof kProvidedBy - 1);
    const std::string other = std::string(kProvidedBy) + "second_provider_of." + provider;
    const std::string dup = k.dir + "/duplicate.o";
    auto cp = testsupport::Run({"objcopy", "--only-section=" + p.section,
                   "--rename-section=" + p.section + "=" + other, p.object, dup});
    ASSERT_EQ(cp.exit_code, 0) << cp.output;
    auto r = Link("", "", {dup});
    EXPECT_NE(r.exit_code, 0) << p.symbol;
    EXPECT_NE(r.output.find("multiple definition of `" + p.symbol + "'"), std::string::npos)
        << p.symbol << "\n" << r.output;
    EXPECT_NE(r.output.find("(" + p.section + "+0x0)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("(" + other + "+0x0)"), std::string::npos) << r.output;
  }
}

}  // namespace
