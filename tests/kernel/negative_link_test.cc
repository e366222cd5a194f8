// Builds the PVH kernel with GCC and with Clang directly, with the flags
// Bazel uses (examples/kernel/kernel.bzl, exported one per line), linked
// by ld.bfd with examples/kernel/kernel.ld:
//   - whole, it links, passes `earlyinit-audit check` and boots;
//   - with a kasan.cc that implements kasan_early for pc only (a kernel
//     whose PVH path forgot KASAN, Linux's Xen PV bug), it does not link,
//     and the linker's message names the step and the subarch.
#include <dirent.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "examples/kernel/exit_codes.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {


using testsupport::SourceRoot;

std::vector<std::string> ReadFlags(const std::string& path) {
  std::vector<std::string> out;
  const std::string text = testsupport::ReadFile(path);
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    if (nl > start) out.push_back(text.substr(start, nl - start));
  return out;
}

// Files of a directory ending in one of `suffixes`, sorted.
std::vector<std::string> Sources(const std::string& dir, const std::vector<std::string>& suffixes) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (!d) {
    ADD_FAILURE() << "cannot list " << dir;
    return out;
  }
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    for (const std::string& s : suffixes)
      if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
        out.push_back(name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// The compilers: C++ and C drivers.
struct Compiler {
  const char* name;
  const char* cxx;
  const char* c;
};
const Compiler kCompilers[] = {{"gcc", "g++", "gcc"}, {"clang", "clang++", "clang"}};

// Compiles src into `obj`; empty output on success, else the reason.
std::string Compile(const std::string& compiler, const std::vector<std::string>& flags,
                    const std::string& src, const std::string& obj) {
  std::vector<std::string> argv = {compiler};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {"-c", src, "-o", obj});
  auto r = testsupport::Run(argv);
  return r.exit_code == 0 ? "" : src + ":\n" + r.output;
}

// Every object of the PVH image but kasan.cc, built with one compiler.
struct Build {
  std::string dir, error;
  std::vector<std::string> cxx_flags, objects;
};

const Build& BuildWith(const Compiler& cc) {
  static std::map<std::string, Build> builds;
  auto it = builds.find(cc.name);
  if (it != builds.end()) return it->second;
  Build& b = builds[cc.name];
  const std::string root = SourceRoot();
  b.dir = testsupport::MakeTempDir(std::string("kernel_link_") + cc.name);
  const std::vector<std::string> common = {"-I" + root, "-I" + root + "/include", "-Wall",
                                           "-Wextra", "-Werror"};
  b.cxx_flags = ReadFlags(root + "/examples/kernel/cxxopts.txt");
  b.cxx_flags.insert(b.cxx_flags.end(), common.begin(), common.end());
  b.cxx_flags.push_back("-std=c++17");
  std::vector<std::string> c = ReadFlags(root + "/examples/kernel/copts.txt");
  c.insert(c.end(), common.begin(), common.end());
  c.push_back("-std=gnu11");
  for (const std::string& f : Sources(root + "/examples/kernel", {".cc", ".S"})) {
    // The multiboot entry belongs to the other image; kasan.cc varies.
    if (f == "multiboot.cc" || f == "entry_multiboot.S" || f == "kasan.cc") continue;
    b.objects.push_back(b.dir + "/" + f + ".o");
    b.error += Compile(cc.cxx, b.cxx_flags, root + "/examples/kernel/" + f, b.objects.back());
  }
  for (const std::string& f : Sources(root + "/src/bootproto", {".c"})) {
    b.objects.push_back(b.dir + "/bootproto_" + f + ".o");
    b.error += Compile(cc.c, c, root + "/src/bootproto/" + f, b.objects.back());
  }
  return b;
}

class KernelLink : public ::testing::TestWithParam<Compiler> {
 protected:
  void SetUp() override {
    root_ = SourceRoot();
    ASSERT_EQ(build().error, "");
  }
  const Build& build() const { return BuildWith(GetParam()); }

  // Links the objects and `kasan` (a source file) into <dir>/image with
  // ld.bfd, the kernel's link flags and linker script.
  testsupport::ProcessResult Link(const std::string& kasan, const std::string& image) {
    const Build& b = build();
    std::vector<std::string> objs = b.objects;
    objs.push_back(b.dir + "/" + image + "_kasan.o");
    const std::string error = Compile(GetParam().cxx, b.cxx_flags, kasan, objs.back());
    if (!error.empty()) return {1, error};
    std::vector<std::string> argv = {GetParam().cxx};
    const std::vector<std::string> link = ReadFlags(root_ + "/examples/kernel/linkflags.txt");
    argv.insert(argv.end(), link.begin(), link.end());
    argv.insert(argv.end(), {"-fuse-ld=bfd", "-Wl,-L," + root_ + "/linker_scripts",
                             "-Wl,-T," + root_ + "/examples/kernel/kernel.ld", "-o",
                             b.dir + "/" + image});
    argv.insert(argv.end(), objs.begin(), objs.end());
    return testsupport::Run(argv);
  }

  std::string root_;
};

TEST_P(KernelLink, WholeKernelLinksPassesTheAuditAndBoots) {
  auto r = Link(root_ + "/examples/kernel/kasan.cc", "kernel-pvh");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string image = build().dir + "/kernel-pvh";
  auto check = testsupport::Run({root_ + "/src/audit/earlyinit-audit", "check", image});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  auto boot = testsupport::Run({root_ + "/examples/kernel/qemu-boot", "--timeout", "60", image});
  EXPECT_EQ(boot.exit_code, KERNEL_QEMU_STATUS(KERNEL_EXIT_SUCCESS)) << boot.output;
  EXPECT_NE(boot.output.find("earlyinit: xen_pvh early kasan_early ok"), std::string::npos)
      << boot.output;
}

TEST_P(KernelLink, KasanMissingOnThePvhPathDoesNotLink) {
  const std::string variant = build().dir + "/kasan_pc_only.cc";
  testsupport::WriteFile(variant,
                         "// kasan.cc as a kernel whose PVH path forgot KASAN would have it.\n"
                         "#include \"examples/kernel/steps.h\"\n"
                         "static int kasan_early_init(const earlyinit_context*) { return 0; }\n"
                         "EARLYINIT_IMPL(kasan_early, (pc), kasan_early_init);\n");
  auto r = Link(variant, "kernel-pvh-without-kasan");
  EXPECT_NE(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("undefined reference to `earlyinit__step_kasan_early__on_subarch_"
                          "xen_pvh__needs_exactly_one_implementation_or_exemption'"),
            std::string::npos)
      << r.output;
  // Only that pair is missing: PC still has its implementation.
  EXPECT_EQ(r.output.find("on_subarch_pc__"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(Kernel, KernelLink, ::testing::ValuesIn(kCompilers),
                         [](const ::testing::TestParamInfo<Compiler>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
