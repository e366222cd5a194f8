#include "src/audit/dwarf/dwarf_calls.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "src/audit/base/text.h"  // Hex

namespace audit {

namespace {

// Deeper nesting than this (inlines in inlines in lexical blocks) is
// damage, not code: the walk recurses once per level.
constexpr int kMaxNesting = 256;

struct Sym {
  uint64_t addr, size;
  std::string_view name;
};

struct Text {  // an executable section's bytes, to decode call instructions
  uint64_t addr, size;
  const unsigned char* bytes;
};

std::string DwError() { return dwarf_errmsg(-1); }

}  // namespace

const char* CallKindName(CallKind k) {
  switch (k) {
    case CallKind::kCall: return "call";
    case CallKind::kTailCall: return "tail";
    case CallKind::kInline: return "inline";
    case CallKind::kIndirect: return "indirect";
  }
  return "?";
}

struct DwarfCalls::Impl {
  int fd = -1;
  std::string bytes;  // OpenMemory's input
  Elf* elf = nullptr;
  Dwarf* dwarf = nullptr;
  std::vector<Sym> by_addr;                            // FUNC and OBJECT, sorted
  std::unordered_map<std::string_view, uint64_t> by_name;  // FUNC, first wins
  std::vector<Text> text;
  // Per compilation unit (by its DIE offset): subprogram start -> DIE offset.
  std::unordered_map<Dwarf_Off, std::unordered_map<uint64_t, Dwarf_Off>> cu_functions;
  // Units by address, for files without .debug_aranges (built on first need).
  std::vector<std::pair<std::pair<uint64_t, uint64_t>, Dwarf_Off>> cu_ranges;
  bool cu_ranges_built = false;
  std::string* damage = nullptr;

  ~Impl() {
    if (dwarf) dwarf_end(dwarf);
    if (elf) elf_end(elf);
    if (fd >= 0) close(fd);
  }

  void Damage(const std::string& what) {
    if (damage->empty()) *damage = "damaged DWARF: " + what;
  }

  bool ReadSymbols();
  void ReadText();
  std::string_view SymbolName(uint64_t addr) const;
  bool Read(uint64_t addr, size_t n, const unsigned char** out) const;
  int Register(uint64_t end, std::string* name) const;
  bool UnitOf(uint64_t addr, Dwarf_Die* cu);
  bool FunctionAt(uint64_t addr, Dwarf_Die* fn);
  void Collect(Dwarf_Die* parent, std::vector<CallEvent>* out, int nesting);
  bool CallSite(Dwarf_Die* die, CallEvent* ev);
  bool Inlined(Dwarf_Die* die, CallEvent* ev, int nesting);
  std::string OriginName(Dwarf_Die* die, unsigned attr, Dwarf_Die* origin, bool* has);
};

bool DwarfCalls::Impl::ReadSymbols() {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data || sh.sh_entsize == 0) return false;
    const size_t n = sh.sh_size / sh.sh_entsize;
    for (size_t i = 0; i < n; ++i) {
      GElf_Sym s;
      if (!gelf_getsym(data, static_cast<int>(i), &s)) return false;
      const int type = GELF_ST_TYPE(s.st_info);
      // NOTYPE: assembly labels such as Linux's retpoline thunks.
      if ((type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE) || s.st_shndx == SHN_UNDEF ||
          s.st_shndx == SHN_ABS)
        continue;
      const char* name = elf_strptr(elf, sh.sh_link, s.st_name);
      if (!name || !*name) continue;
      by_addr.push_back({s.st_value, s.st_size, name});
      if (type == STT_FUNC) by_name.emplace(name, s.st_value);
    }
  }
  std::sort(by_addr.begin(), by_addr.end(), [](const Sym& a, const Sym& b) {
    return a.addr != b.addr ? a.addr < b.addr : a.name < b.name;
  });
  return true;
}

void DwarfCalls::Impl::ReadText() {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS) continue;
    if (!(sh.sh_flags & SHF_EXECINSTR)) continue;
    Elf_Data* data = elf_rawdata(scn, nullptr);
    if (!data || !data->d_buf || data->d_size < sh.sh_size) continue;
    text.push_back({sh.sh_addr, sh.sh_size, static_cast<const unsigned char*>(data->d_buf)});
  }
}

std::string_view DwarfCalls::Impl::SymbolName(uint64_t addr) const {
  auto it = std::lower_bound(by_addr.begin(), by_addr.end(), addr,
                             [](const Sym& s, uint64_t a) { return s.addr < a; });
  return it != by_addr.end() && it->addr == addr ? it->name : std::string_view();
}

// The length of an x86-64 `call *%reg` ending at `end` (ff d0+r, or
// 41 ff d0+r for r8-r15), its register in *name; 0 if there is none.
int DwarfCalls::Impl::Register(uint64_t end, std::string* name) const {
  static const char* const kRegs[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                        "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
  const unsigned char* b;
  if (!Read(end - 2, 2, &b) || b[0] != 0xff || (b[1] & 0xf8) != 0xd0) return 0;
  const unsigned char* rex;
  const bool high = Read(end - 3, 1, &rex) && rex[0] == 0x41;
  *name = std::string("*%") + kRegs[(b[1] & 7) + (high ? 8 : 0)];
  return high ? 3 : 2;
}

bool DwarfCalls::Impl::Read(uint64_t addr, size_t n, const unsigned char** out) const {
  for (const Text& t : text) {
    if (addr >= t.addr && addr - t.addr <= t.size && t.size - (addr - t.addr) >= n) {
      *out = t.bytes + (addr - t.addr);
      return true;
    }
  }
  return false;
}

bool DwarfCalls::Impl::UnitOf(uint64_t addr, Dwarf_Die* cu) {
  if (dwarf_addrdie(dwarf, addr, cu)) return true;
  // No .debug_aranges entry: look through the units' own ranges, indexed once.
  if (!cu_ranges_built) {
    cu_ranges_built = true;
    Dwarf_Off off = 0, next;
    size_t header;
    while (dwarf_nextcu(dwarf, off, &next, &header, nullptr, nullptr, nullptr) == 0) {
      Dwarf_Die die;
      if (dwarf_offdie(dwarf, off + header, &die)) {
        Dwarf_Addr base, start, end;
        ptrdiff_t r = 0;
        while ((r = dwarf_ranges(&die, r, &base, &start, &end)) > 0)
          cu_ranges.push_back({{start, end}, off + header});
      }
      if (next <= off) break;
      off = next;
    }
  }
  for (const auto& r : cu_ranges)
    if (addr >= r.first.first && addr < r.first.second) return dwarf_offdie(dwarf, r.second, cu) != nullptr;
  return false;
}

bool DwarfCalls::Impl::FunctionAt(uint64_t addr, Dwarf_Die* fn) {
  Dwarf_Die cu;
  if (!UnitOf(addr, &cu)) return false;
  auto [it, fresh] = cu_functions.try_emplace(dwarf_dieoffset(&cu));
  if (fresh) {
    Dwarf_Die child;
    int rc = dwarf_child(&cu, &child);
    while (rc == 0) {
      Dwarf_Addr low;
      if (dwarf_tag(&child) == DW_TAG_subprogram && dwarf_entrypc(&child, &low) == 0)
        it->second.emplace(low, dwarf_dieoffset(&child));
      rc = dwarf_siblingof(&child, &child);
    }
    if (rc < 0) Damage("unit at offset " + Hex(dwarf_dieoffset(&cu)) + ": " + DwError());
  }
  auto f = it->second.find(addr);
  return f != it->second.end() && dwarf_offdie(dwarf, f->second, fn) != nullptr;
}

// The name of the DIE that `attr` of `die` refers to (following its
// abstract origin or specification for the name).
std::string DwarfCalls::Impl::OriginName(Dwarf_Die* die, unsigned attr, Dwarf_Die* origin,
                                         bool* has) {
  Dwarf_Attribute a;
  *has = dwarf_attr(die, attr, &a) != nullptr;
  if (!*has) return "";
  if (!dwarf_formref_die(&a, origin)) {
    Damage("a reference at DIE " + Hex(dwarf_dieoffset(die)) + ": " + DwError());
    *has = false;
    return "";
  }
  Dwarf_Attribute name;
  const char* s = dwarf_formstring(dwarf_attr_integrate(origin, DW_AT_name, &name));
  return s ? s : "";
}

bool DwarfCalls::Impl::CallSite(Dwarf_Die* die, CallEvent* ev) {
  Dwarf_Attribute a;
  Dwarf_Addr site = 0;
  bool call_pc = false;  // the site is the call instruction, not after it
  if (dwarf_formaddr(dwarf_attr(die, DW_AT_call_return_pc, &a), &site) != 0 &&
      dwarf_formaddr(dwarf_attr(die, DW_AT_low_pc, &a), &site) != 0) {
    if (dwarf_formaddr(dwarf_attr(die, DW_AT_call_pc, &a), &site) != 0) return false;
    call_pc = true;
  }
  bool tail = false;
  if (dwarf_attr(die, DW_AT_call_tail_call, &a) || dwarf_attr(die, DW_AT_GNU_tail_call, &a))
    dwarf_formflag(&a, &tail);
  ev->site = site;
  ev->kind = tail ? CallKind::kTailCall : CallKind::kCall;
  Dwarf_Die origin;
  bool has = false;
  ev->callee = OriginName(die, DW_AT_call_origin, &origin, &has);
  if (!has) ev->callee = OriginName(die, DW_AT_abstract_origin, &origin, &has);
  // x86-64: a rel32 call (e8) or jump (e9) ends at the return address;
  // call *disp32(%rip) (ff 15) reads its target from memory.
  const uint64_t insn = call_pc ? site : site - 5;
  const unsigned char* b;
  if (Read(insn, 5, &b) && (b[0] == 0xe8 || b[0] == 0xe9)) {
    int32_t rel;
    memcpy(&rel, b + 1, 4);
    ev->callee_addr = insn + 5 + static_cast<uint64_t>(static_cast<int64_t>(rel));
    ev->site = insn;
  } else if (!call_pc && Read(site - 2, 2, &b) && b[0] == 0xeb) {  // jmp rel8: a tail call
    ev->callee_addr = site + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int8_t>(b[1])));
    ev->site = site - 2;
  } else if (!call_pc && Read(site - 6, 6, &b) && b[0] == 0xff && (b[1] == 0x15 || b[1] == 0x25)) {
    // call or jmp (a tail call) *disp32(%rip): through a pointer in memory
    int32_t rel;
    memcpy(&rel, b + 2, 4);
    const uint64_t slot = site + static_cast<uint64_t>(static_cast<int64_t>(rel));
    const std::string_view name = SymbolName(slot);
    ev->kind = CallKind::kIndirect;
    ev->callee.clear();
    ev->through = "*" + (name.empty() ? Hex(slot) : std::string(name));
    ev->site = site - 6;
    return true;
  } else if (const int n = call_pc ? 0 : Register(site, &ev->through)) {  // call *%reg
    ev->kind = CallKind::kIndirect;
    ev->callee.clear();
    ev->site = site - static_cast<uint64_t>(n);
    return true;
  } else if (!call_pc) {
    ev->after_site = true;  // a return address: the call is just before it
  }
  const std::string_view at = ev->callee_addr ? SymbolName(ev->callee_addr) : std::string_view();
  if (ev->callee.empty() && at.empty() && ev->callee_addr) ev->callee = Hex(ev->callee_addr);
  // GCC names a builtin's call __builtin_memcpy; the code calls memcpy.
  if (ev->callee.empty() || (!at.empty() && ev->callee.rfind("__builtin_", 0) == 0)) ev->callee = std::string(at);
  if (!ev->callee_addr && has) {
    Dwarf_Addr low;
    if (dwarf_entrypc(&origin, &low) == 0) ev->callee_addr = low;
  }
  if (!ev->callee_addr && !ev->callee.empty()) {
    auto s = by_name.find(ev->callee);
    if (s != by_name.end()) ev->callee_addr = s->second;
  }
  // Linux's static calls and retpolines are direct calls to a trampoline
  // that jumps through memory or a register: indirect all the same.
  const std::string_view n = at.empty() ? std::string_view(ev->callee) : at;
  if (n.rfind("__SCT__", 0) == 0 || n.rfind("__x86_indirect_thunk_", 0) == 0) {
    ev->kind = CallKind::kIndirect;
    ev->through = std::string(n);
    ev->callee.clear();
    ev->callee_addr = 0;
  } else if (ev->callee.empty()) {
    ev->kind = CallKind::kIndirect;
    ev->callee_addr = 0;
  }
  return true;
}

bool DwarfCalls::Impl::Inlined(Dwarf_Die* die, CallEvent* ev, int nesting) {
  Dwarf_Die origin;
  bool has = false;
  ev->kind = CallKind::kInline;
  ev->callee = OriginName(die, DW_AT_abstract_origin, &origin, &has);
  if (ev->callee.empty()) return false;
  Dwarf_Addr pc;
  if (dwarf_entrypc(die, &pc) != 0) {
    Dwarf_Addr base, end;
    if (dwarf_ranges(die, 0, &base, &pc, &end) <= 0) return false;  // optimised away
  }
  ev->site = pc;
  Collect(die, &ev->inlined, nesting + 1);
  return true;
}

void DwarfCalls::Impl::Collect(Dwarf_Die* parent, std::vector<CallEvent>* out, int nesting) {
  if (nesting > kMaxNesting) {
    Damage("DIEs nest deeper than " + std::to_string(kMaxNesting) + " levels at " +
           Hex(dwarf_dieoffset(parent)) + " (more than paths reads)");
    return;
  }
  const size_t first = out->size();
  Dwarf_Die child;
  int rc = dwarf_child(parent, &child);
  while (rc == 0) {
    CallEvent ev;
    switch (dwarf_tag(&child)) {
      case DW_TAG_call_site:
      case DW_TAG_GNU_call_site:
        if (CallSite(&child, &ev)) out->push_back(std::move(ev));
        break;
      case DW_TAG_inlined_subroutine:
        if (Inlined(&child, &ev, nesting)) out->push_back(std::move(ev));
        break;
      case DW_TAG_lexical_block:
        Collect(&child, out, nesting + 1);  // its calls are the parent's
        break;
      default: break;
    }
    rc = dwarf_siblingof(&child, &child);
  }
  if (rc < 0) Damage("children of DIE " + Hex(dwarf_dieoffset(parent)) + ": " + DwError());
  // By the address each call starts at: a return address counts as the
  // byte before it, so a call sorts before an inlined body that follows it.
  auto key = [](const CallEvent& e) { return e.site - (e.after_site ? 1 : 0); };
  std::stable_sort(out->begin() + static_cast<long>(first), out->end(),
                   [&](const CallEvent& a, const CallEvent& b) { return key(a) < key(b); });
}

DwarfCalls::DwarfCalls(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  impl_->damage = &damage_;
}
DwarfCalls::~DwarfCalls() = default;

namespace {

bool HasSectionNamed(Elf* elf, const char* wanted) {
  size_t shstrndx;
  if (elf_getshdrstrndx(elf, &shstrndx) != 0) return false;
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh)) continue;
    const char* name = elf_strptr(elf, shstrndx, sh.sh_name);
    if (name && !strcmp(name, wanted)) return true;
  }
  return false;
}

// What lies beyond the end of the file ("" : nothing): libelf shows a
// file cut before its section headers as one without sections.
std::string Truncated(Elf* elf) {
  size_t size = 0;
  elf_rawfile(elf, &size);
  GElf_Ehdr eh;
  if (!gelf_getehdr(elf, &eh)) return std::string("no ELF header: ") + elf_errmsg(-1);
  const uint64_t table = eh.e_shoff + static_cast<uint64_t>(eh.e_shnum) * eh.e_shentsize;
  if (eh.e_shoff > size || table > size || table < eh.e_shoff)
    return "its section headers end at " + Hex(table) + ", the file at " + Hex(size);
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh)) return std::string("a section header: ") + elf_errmsg(-1);
    if (sh.sh_type != SHT_NOBITS && (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset))
      return "section " + std::to_string(elf_ndxscn(scn)) + " ends beyond the file";
  }
  return "";
}

bool HasDebugInfo(Elf* elf) {
  return HasSectionNamed(elf, ".debug_info") || HasSectionNamed(elf, ".zdebug_info");
}

}  // namespace

static std::unique_ptr<DwarfCalls::Impl> Finish(std::unique_ptr<DwarfCalls::Impl> im,
                                                const std::string& name, std::string* error,
                                                DwarfCalls::OpenError* why) {
  if (!im->elf || elf_kind(im->elf) != ELF_K_ELF) {
    *why = DwarfCalls::OpenError::kNotElf;
    *error = name + ": not an ELF file";
    return nullptr;
  }
  const std::string cut = Truncated(im->elf);
  if (!cut.empty()) {
    *why = DwarfCalls::OpenError::kCorrupt;
    *error = name + ": truncated or damaged ELF file: " + cut;
    return nullptr;
  }
  GElf_Ehdr eh{};
  if (gelf_getehdr(im->elf, &eh) && eh.e_type == ET_REL) {
    *why = DwarfCalls::OpenError::kNotElf;
    *error = name + ": a relocatable object; paths reads a linked executable (a vmlinux)";
    return nullptr;
  }
  if (!HasDebugInfo(im->elf)) {
    *why = DwarfCalls::OpenError::kNoDwarf;
    *error = name + ": no DWARF debug info (build the kernel with CONFIG_DEBUG_INFO, or install "
                    "the distribution's -dbg package, e.g. Debian's linux-image-VERSION-dbg)";
    return nullptr;
  }
  im->dwarf = dwarf_begin_elf(im->elf, DWARF_C_READ, nullptr);
  if (!im->dwarf) {
    *why = DwarfCalls::OpenError::kCorrupt;
    *error = name + ": damaged DWARF: " + DwError();
    return nullptr;
  }
  if (!im->ReadSymbols()) {
    *why = DwarfCalls::OpenError::kCorrupt;
    *error = name + ": damaged symbol table: " + elf_errmsg(-1);
    return nullptr;
  }
  gelf_getehdr(im->elf, &eh);
  // Call instructions are decoded on x86 only; elsewhere callees come
  // from DWARF and the symbol table alone.
  if (eh.e_machine == EM_X86_64 || eh.e_machine == EM_386) im->ReadText();
  return im;
}

std::unique_ptr<DwarfCalls> DwarfCalls::OpenFile(const std::string& path, std::string* error,
                                                 OpenError* why) {
  elf_version(EV_CURRENT);
  auto im = std::make_unique<Impl>();
  im->fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (im->fd < 0) {
    *why = OpenError::kNotElf;
    *error = path + ": " + strerror(errno);
    return nullptr;
  }
  im->elf = elf_begin(im->fd, ELF_C_READ_MMAP, nullptr);
  im = Finish(std::move(im), path, error, why);
  return im ? std::unique_ptr<DwarfCalls>(new DwarfCalls(std::move(im))) : nullptr;
}

std::unique_ptr<DwarfCalls> DwarfCalls::OpenMemory(std::string bytes, std::string* error,
                                                   OpenError* why) {
  elf_version(EV_CURRENT);
  auto im = std::make_unique<Impl>();
  im->bytes = std::move(bytes);
  im->elf = elf_memory(im->bytes.data(), im->bytes.size());
  im = Finish(std::move(im), "input", error, why);
  return im ? std::unique_ptr<DwarfCalls>(new DwarfCalls(std::move(im))) : nullptr;
}

bool DwarfCalls::HasSection(const char* name) const { return HasSectionNamed(impl_->elf, name); }

bool DwarfCalls::SymbolAddress(std::string_view name, uint64_t* addr) const {
  auto it = impl_->by_name.find(name);
  if (it == impl_->by_name.end()) return false;
  *addr = it->second;
  return true;
}

std::string DwarfCalls::Where(uint64_t addr) const {
  const auto& v = impl_->by_addr;
  auto it = std::upper_bound(v.begin(), v.end(), addr,
                             [](uint64_t a, const Sym& s) { return a < s.addr; });
  while (it != v.begin()) {
    --it;
    if (addr - it->addr < std::max<uint64_t>(it->size, 1))
      return std::string(it->name) + "+" + Hex(addr - it->addr);
    if (it->size != 0) break;  // the nearest sized symbol below does not hold it
  }
  return Hex(addr);
}

const FunctionCalls* DwarfCalls::CallsAt(uint64_t addr) {
  auto [it, fresh] = cache_.try_emplace(addr);
  if (!fresh) return it->second.get();
  Dwarf_Die fn;
  if (!impl_->FunctionAt(addr, &fn)) return nullptr;
  auto calls = std::make_unique<FunctionCalls>();
  calls->addr = addr;
  Dwarf_Attribute a;
  const char* name = dwarf_formstring(dwarf_attr_integrate(&fn, DW_AT_name, &a));
  calls->name = name ? name : std::string(impl_->SymbolName(addr));
  impl_->Collect(&fn, &calls->calls, 0);
  it->second = std::move(calls);
  return it->second.get();
}

}  // namespace audit
