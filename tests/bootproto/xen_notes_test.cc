// tests/bootproto/xen_notes_test.cc: the Xen ELF note macros of
// bootproto/xen.h, used from a .S file, from C and from C++, built into
// small ELF executables (x86_64 and i386, gcc and clang) and read back with
// readelf -n (and the raw section bytes, for the note headers and padding).
#include <cstdint>
#include <cstring>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {


using testsupport::SourceRoot;

struct Note {
  uint32_t type;
  std::string name;
  std::string desc;
};

uint32_t Le32(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; i--) v = v << 8 | static_cast<uint8_t>(s[at + i]);
  return v;
}

std::string Hex(const std::string& bytes) {
  std::ostringstream o;
  for (unsigned char c : bytes) {
    char b[4];
    snprintf(b, sizeof b, "%02x ", c);
    o << b;
  }
  return o.str();
}

std::string Str(const char* s) { return std::string(s, strlen(s) + 1); }

std::string Ptr(uint64_t v, int bytes) {
  std::string s;
  for (int i = 0; i < bytes; i++) s += static_cast<char>(v >> (8 * i));
  return s;
}

struct Build {
  const char* name;
  const char* compiler;
  const char* source;
  bool m32;
  const char* guest_version;
};

class XenNotes : public ::testing::TestWithParam<Build> {};

TEST_P(XenNotes, ReadBackWithReadelf) {
  const Build& b = GetParam();
  const std::string root = SourceRoot();
  const std::string dir = testsupport::MakeTempDir("xen_notes");
  const std::string obj = dir + "/notes.o", elf = dir + "/notes.elf";
  std::vector<std::string> cc = {b.compiler, "-c", "-I" + root + "/include", "-Wall",
                                 "-Wextra", "-Werror", "-ffreestanding",
                                 root + "/tests/bootproto/xen_notes/" + b.source,
                                 "-o", obj};
  if (b.m32) cc.insert(cc.begin() + 1, "-m32");
  auto r = testsupport::Run(cc);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::vector<std::string> ld = {b.compiler, "-nostdlib", "-static", "-Wl,-e,entry",
                                 "-Wl,-Ttext=0x100000", "-Wl,--build-id=none", obj,
                                 "-o", elf};
  if (b.m32) ld.insert(ld.begin() + 1, "-m32");
  r = testsupport::Run(ld);
  ASSERT_EQ(r.exit_code, 0) << r.output;

  // The section: SHT_NOTE, allocated, 4-byte aligned.
  r = testsupport::Run({"readelf", "-SW", elf});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.output, m,
                                std::regex(R"(\.note\.Xen\s+NOTE\s+\S+\s+\S+\s+\S+\s+\S+\s+(\S+)\s+\S+\s+\S+\s+(\d+))")))
      << r.output;
  EXPECT_EQ(m[1].str(), "A");
  EXPECT_EQ(m[2].str(), "4");
  // ... inside a PT_NOTE segment with p_align 4.
  r = testsupport::Run({"readelf", "-lW", elf});
  ASSERT_TRUE(std::regex_search(r.output, m, std::regex(R"(NOTE\s+(?:\S+\s+){5}\S+\s+(0x\w+))")))
      << r.output;
  EXPECT_EQ(m[1].str(), "0x4");

  // Where pvh_start ended up.
  r = testsupport::Run({"readelf", "-sW", elf});
  ASSERT_TRUE(std::regex_search(r.output, m, std::regex(R"(:\s+([0-9a-f]+)\s+\d+\s+\w+\s+GLOBAL\s+\w+\s+\d+\s+pvh_start\b)")))
      << r.output;
  const uint64_t pvh_start = std::stoull(m[1].str(), nullptr, 16);
  EXPECT_EQ(pvh_start % 16, 0u);

  // Raw section bytes: walk the notes, checking the 4-byte padding.
  const std::string raw_path = dir + "/notes.bin";
  r = testsupport::Run({"objcopy", "-O", "binary", "--only-section=.note.Xen", elf, raw_path});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string raw = testsupport::ReadFile(raw_path);
  std::vector<Note> notes;
  for (size_t at = 0; at < raw.size();) {
    ASSERT_LE(at + 12, raw.size());
    uint32_t namesz = Le32(raw, at), descsz = Le32(raw, at + 4);
    Note n;
    n.type = Le32(raw, at + 8);
    size_t name_at = at + 12, desc_at = name_at + ((namesz + 3) & ~3u);
    ASSERT_LE(desc_at + descsz, raw.size());
    n.name = raw.substr(name_at, namesz);
    n.desc = raw.substr(desc_at, descsz);
    for (size_t p = name_at + namesz; p < desc_at; p++) EXPECT_EQ(raw[p], 0) << "name padding";
    notes.push_back(n);
    at = desc_at + ((descsz + 3) & ~3u);
  }

  const int ptr = b.m32 ? 4 : 8;
  const std::string reloc("\x00\x00\x20\x00\x00\x00\x00\x01\xff\xff\xff\xff", 12);
  const std::vector<Note> want = {
      {6, Str("Xen"), Str("earlyinit")},
      {7, Str("Xen"), Str(b.guest_version)},
      {5, Str("Xen"), Str("xen-3.0")},
      {8, Str("Xen"), Str("generic")},
      {10, Str("Xen"), Str("!writable_page_tables|pae_pgdir_above_4gb")},
      {9, Str("Xen"), Str("yes")},
      {4, Str("Xen"), Ptr(0, ptr)},
      {18, Str("Xen"), Ptr(pvh_start, ptr)},
      {19, Str("Xen"), reloc},
  };
  ASSERT_EQ(notes.size(), want.size());
  for (size_t i = 0; i < want.size(); i++) {
    EXPECT_EQ(notes[i].type, want[i].type) << i;
    EXPECT_EQ(notes[i].name, want[i].name) << i;
    EXPECT_EQ(Hex(notes[i].desc), Hex(want[i].desc)) << "note type " << want[i].type;
  }

  // readelf -n agrees: the same notes, owner Xen, same sizes and data.
  r = testsupport::Run({"readelf", "-n", elf});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::regex note_re(R"(\n\s+Xen\s+0x([0-9a-f]+)\s+[^\n]*\n\s+description data: ([0-9a-f ]*))");
  std::vector<std::pair<size_t, std::string>> seen;
  for (std::sregex_iterator it(r.output.begin(), r.output.end(), note_re), end; it != end; ++it)
    seen.emplace_back(std::stoul((*it)[1].str(), nullptr, 16), (*it)[2].str());
  ASSERT_EQ(seen.size(), want.size()) << r.output;
  for (size_t i = 0; i < want.size(); i++) {
    EXPECT_EQ(seen[i].first, want[i].desc.size()) << i;
    EXPECT_EQ(seen[i].second, Hex(want[i].desc)) << i;
  }
  // The PVH entry note is the one readelf prints as type 0x12.
  EXPECT_NE(r.output.find("Unknown note type: (0x00000012)"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(
    AllSources, XenNotes,
    ::testing::Values(Build{"asm_gcc", "gcc", "notes.S", false, "asm"},
                      Build{"asm_gcc_m32", "gcc", "notes.S", true, "asm"},
                      Build{"asm_clang", "clang", "notes.S", false, "asm"},
                      Build{"c_gcc", "gcc", "notes_c.c", false, "c"},
                      Build{"c_clang_m32", "clang", "notes_c.c", true, "c"},
                      Build{"cxx_gxx", "g++", "notes.cc", false, "c++"},
                      Build{"cxx_gxx_m32", "g++", "notes.cc", true, "c++"},
                      Build{"cxx_clangxx", "clang++", "notes.cc", false, "c++"}),
    [](const ::testing::TestParamInfo<Build>& i) { return std::string(i.param.name); });

}  // namespace
