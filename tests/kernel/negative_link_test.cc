// Builds the PVH kernel with g++ directly, with the flags Bazel uses
// (examples/kernel/kernel.bzl, exported one per line):
//   - whole, it links, passes `earlyinit-audit check` and boots;
//   - with a kasan.cc that implements kasan_early for pc only (a kernel
//     whose PVH path forgot KASAN, Linux's Xen PV bug), it does not link,
//     and the linker's message names the step and the subarch.
#include <dirent.h>

#include <algorithm>
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

class KernelLink : public ::testing::Test {
 protected:
  // Compiles every object of the PVH image once, kasan.cc aside.
  static void SetUpTestSuite() {
    root_ = SourceRoot();
    dir_ = testsupport::MakeTempDir("kernel_link");
    const std::vector<std::string> includes = {"-I" + root_, "-I" + root_ + "/include",
                                               "-Wall", "-Wextra", "-Werror"};
    std::vector<std::string> cxx = ReadFlags(root_ + "/examples/kernel/cxxopts.txt");
    std::vector<std::string> c = ReadFlags(root_ + "/examples/kernel/copts.txt");
    cxx.insert(cxx.end(), includes.begin(), includes.end());
    cxx.push_back("-std=c++17");
    c.insert(c.end(), includes.begin(), includes.end());
    c.push_back("-std=gnu11");
    cxx_flags_ = cxx;

    for (const std::string& f : Sources(root_ + "/examples/kernel", {".cc", ".S"})) {
      // The multiboot entry belongs to the other image; kasan.cc varies.
      if (f == "multiboot.cc" || f == "entry_multiboot.S" || f == "kasan.cc") continue;
      Compile("g++", cxx, root_ + "/examples/kernel/" + f, f);
    }
    for (const std::string& f : Sources(root_ + "/src/bootproto", {".c"}))
      Compile("gcc", c, root_ + "/src/bootproto/" + f, "bootproto_" + f);
  }

  // Compiles src into objects_ (SetUpTestSuite) or `out`.
  static void Compile(const std::string& compiler, const std::vector<std::string>& flags,
                      const std::string& src, const std::string& name,
                      std::vector<std::string>* out = &objects_) {
    std::vector<std::string> argv = {compiler};
    argv.insert(argv.end(), flags.begin(), flags.end());
    const std::string obj = dir_ + "/" + name + ".o";
    argv.insert(argv.end(), {"-c", src, "-o", obj});
    auto r = testsupport::Run(argv);
    ASSERT_EQ(r.exit_code, 0) << src << "\n" << r.output;
    out->push_back(obj);
  }

  // Links the common objects with `kasan` (a source file) into `image`.
  testsupport::ProcessResult Link(const std::string& kasan, const std::string& image) {
    std::vector<std::string> objs = objects_;
    Compile("g++", cxx_flags_, kasan, "kasan_variant_" + image, &objs);
    std::vector<std::string> argv = {"g++"};
    const std::vector<std::string> link = ReadFlags(root_ + "/examples/kernel/linkflags.txt");
    argv.insert(argv.end(), link.begin(), link.end());
    argv.insert(argv.end(), {"-fuse-ld=bfd", "-Wl,-L," + root_ + "/linker_scripts",
                             "-Wl,-T," + root_ + "/examples/kernel/kernel.ld", "-o",
                             dir_ + "/" + image});
    argv.insert(argv.end(), objs.begin(), objs.end());
    return testsupport::Run(argv);
  }

  static std::string root_, dir_;
  static std::vector<std::string> cxx_flags_, objects_;
};

std::string KernelLink::root_, KernelLink::dir_;
std::vector<std::string> KernelLink::cxx_flags_, KernelLink::objects_;

TEST_F(KernelLink, WholeKernelLinksPassesTheAuditAndBoots) {
  auto r = Link(root_ + "/examples/kernel/kasan.cc", "kernel-pvh");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string image = dir_ + "/kernel-pvh";
  auto check = testsupport::Run({root_ + "/src/audit/earlyinit-audit", "check", image});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  auto boot = testsupport::Run({root_ + "/examples/kernel/qemu-boot", "--timeout", "60", image});
  EXPECT_EQ(boot.exit_code, KERNEL_QEMU_STATUS(KERNEL_EXIT_SUCCESS)) << boot.output;
  EXPECT_NE(boot.output.find("earlyinit: xen_pvh early kasan_early ok"), std::string::npos)
      << boot.output;
}

TEST_F(KernelLink, KasanMissingOnThePvhPathDoesNotLink) {
  const std::string variant = dir_ + "/kasan_pc_only.cc";
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

}  // namespace
