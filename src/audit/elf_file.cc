#include "src/audit/elf_file.h"

#include <ar.h>
#include <gelf.h>
#include <libelf.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace audit {

namespace {

// Far above any real input; stops absurd counts before they cost memory.
constexpr uint64_t kMaxSections = 1u << 20;
constexpr uint64_t kMaxSegments = 1u << 16;
constexpr uint64_t kMaxSymbols = 1u << 24;
constexpr uint64_t kMaxMembers = 1u << 20;

std::string Hex(uint64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

uint64_t Le(const std::string& b, size_t off, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i)
    v |= static_cast<uint64_t>(static_cast<uint8_t>(b[off + i])) << (8 * i);
  return v;
}

// [off, off+len) lies within a buffer of `size` bytes.
bool Within(uint64_t off, uint64_t len, uint64_t size) {
  return off <= size && len <= size - off;
}

struct ElfCloser {
  void operator()(Elf* e) const {
    if (e) elf_end(e);
  }
};
using ElfPtr = std::unique_ptr<Elf, ElfCloser>;

std::string LibelfError() {
  const char* m = elf_errmsg(-1);
  return m ? m : "unknown libelf error";
}

}  // namespace

const Section* ElfObject::Find(const std::string& name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

std::string ElfObject::Bytes(const Section& s) const {
  if (s.type == SHT_NOBITS) return std::string();
  return image_.substr(s.offset, s.size);
}

bool ElfObject::ReadAt(uint64_t addr, uint64_t size, std::string* out) const {
  if (addr + size < addr) return false;
  for (const auto& s : sections) {
    if (!(s.flags & SHF_ALLOC) || s.type == SHT_NOBITS) continue;
    if (addr >= s.addr && addr - s.addr <= s.size && size <= s.size - (addr - s.addr) &&
        (size > 0 || addr < s.addr + s.size)) {
      *out = image_.substr(s.offset + (addr - s.addr), size);
      return true;
    }
  }
  for (const auto& p : segments) {
    if (addr >= p.vaddr && addr - p.vaddr <= p.filesz &&
        size <= p.filesz - (addr - p.vaddr)) {
      *out = image_.substr(p.offset + (addr - p.vaddr), size);
      return true;
    }
  }
  return false;
}

std::vector<Reloc> ElfObject::RelocsFor(size_t target) const {
  auto it = relocs_.find(target);
  return it == relocs_.end() ? std::vector<Reloc>() : it->second;
}

std::string ElfObject::SymbolAt(uint64_t addr) const {
  auto it = by_addr_.find(addr);
  return it == by_addr_.end() ? std::string() : it->second;
}

bool ElfObject::SymbolValue(const std::string& name, uint64_t* value) const {
  auto it = by_name_.find(name);
  if (it == by_name_.end()) return false;
  *value = it->second;
  return true;
}

class ElfLoader {
 public:
  static bool LoadImage(std::string image, const std::string& origin,
                        ElfObject* obj, std::string* error);
};

bool ElfLoader::LoadImage(std::string image, const std::string& origin,
                          ElfObject* obj, std::string* error) {
  auto fail = [&](const std::string& what) {
    *error = origin + ": " + what;
    return false;
  };
  const uint64_t size = image.size();
  if (size < EI_NIDENT || memcmp(image.data(), ELFMAG, SELFMAG) != 0)
    return fail("not an ELF file (no ELF magic at offset 0x0)");
  const int cls = static_cast<uint8_t>(image[EI_CLASS]);
  if (cls != ELFCLASS32 && cls != ELFCLASS64)
    return fail("unknown ELF class " + std::to_string(cls) + " at offset 0x4");
  if (static_cast<uint8_t>(image[EI_DATA]) != ELFDATA2LSB)
    return fail("not a little-endian ELF file (EI_DATA at offset 0x5)");
  const bool is64 = cls == ELFCLASS64;
  const uint64_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
  if (size < ehsize)
    return fail("truncated: " + std::to_string(size) + " bytes, shorter than the ELF header (" +
                std::to_string(ehsize) + ")");

  // Check the header tables against the file before libelf looks at them.
  const uint64_t shoff = is64 ? Le(image, 0x28, 8) : Le(image, 0x20, 4);
  const uint64_t shentsize = is64 ? Le(image, 0x3a, 2) : Le(image, 0x2e, 2);
  uint64_t shnum = is64 ? Le(image, 0x3c, 2) : Le(image, 0x30, 2);
  const uint64_t phoff = is64 ? Le(image, 0x20, 8) : Le(image, 0x1c, 4);
  const uint64_t phentsize = is64 ? Le(image, 0x36, 2) : Le(image, 0x2a, 2);
  const uint64_t phnum = is64 ? Le(image, 0x38, 2) : Le(image, 0x2c, 2);
  const uint64_t want_sh = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
  const uint64_t want_ph = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
  if (shoff != 0) {
    if (shentsize != want_sh)
      return fail("corrupt ELF header: e_shentsize is " + std::to_string(shentsize) +
                  ", expected " + std::to_string(want_sh));
    if (!Within(shoff, want_sh, size))
      return fail("corrupt section header table: e_shoff " + Hex(shoff) +
                  " is beyond the end of the file (" + Hex(size) + " bytes)");
    if (shnum == 0) {  // extended numbering: the count is in section 0
      shnum = is64 ? Le(image, shoff + 0x20, 8) : Le(image, shoff + 0x14, 4);
    }
    if (shnum > kMaxSections || !Within(shoff, shnum * want_sh, size))
      return fail("corrupt section header table: " + std::to_string(shnum) +
                  " headers at offset " + Hex(shoff) + " do not fit in the file (" +
                  Hex(size) + " bytes)");
  }
  if (phoff != 0 && phnum != 0) {
    if (phentsize != want_ph)
      return fail("corrupt ELF header: e_phentsize is " + std::to_string(phentsize) +
                  ", expected " + std::to_string(want_ph));
    if (phnum >= 0xffff || phnum > kMaxSegments || !Within(phoff, phnum * want_ph, size))
      return fail("corrupt program header table: " + std::to_string(phnum) +
                  " headers at offset " + Hex(phoff) + " do not fit in the file (" +
                  Hex(size) + " bytes)");
  }

  obj->origin = origin;
  obj->image_ = std::move(image);  // 57 MB for 100,000 entries: no copy
  ElfPtr elf(elf_memory(&obj->image_[0], obj->image_.size()));
  if (!elf) return fail("libelf cannot read it: " + LibelfError());
  if (elf_kind(elf.get()) != ELF_K_ELF) return fail("not an ELF object");
  GElf_Ehdr eh;
  if (!gelf_getehdr(elf.get(), &eh)) return fail("cannot read the ELF header: " + LibelfError());
  obj->elf_class = is64 ? 64 : 32;
  obj->type = eh.e_type;
  obj->machine = eh.e_machine;
  if (eh.e_type != ET_REL && eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
    return fail("unsupported ELF type " + std::to_string(eh.e_type) +
                " (expected a relocatable object, an executable or a PIE)");

  size_t nsec = 0, shstrndx = 0;
  if (shoff != 0) {
    if (elf_getshdrnum(elf.get(), &nsec) != 0)
      return fail("cannot count sections: " + LibelfError());
    if (nsec != shnum)
      return fail("corrupt section header table: libelf counts " + std::to_string(nsec) +
                  " sections, the header says " + std::to_string(shnum));
    if (nsec > 0 && elf_getshdrstrndx(elf.get(), &shstrndx) != 0)
      return fail("cannot find the section name table: " + LibelfError());
    if (nsec > 0 && shstrndx >= nsec)
      return fail("corrupt ELF header: section name table index " + std::to_string(shstrndx) +
                  " is not below the section count " + std::to_string(nsec));
  }

  // Pass 1: headers and ranges.
  obj->sections.resize(nsec);
  for (size_t i = 0; i < nsec; ++i) {
    Elf_Scn* scn = elf_getscn(elf.get(), i);
    GElf_Shdr sh;
    if (!scn || !gelf_getshdr(scn, &sh))
      return fail("cannot read section header " + std::to_string(i) + ": " + LibelfError());
    Section& s = obj->sections[i];
    s.index = i;
    s.type = sh.sh_type;
    s.flags = sh.sh_flags;
    s.addr = sh.sh_addr;
    s.offset = sh.sh_offset;
    s.size = sh.sh_size;
    s.link = sh.sh_link;
    s.info = sh.sh_info;
    if (i > 0 && s.type != SHT_NOBITS && s.type != SHT_NULL && !Within(s.offset, s.size, size))
      return fail("corrupt section header " + std::to_string(i) + ": contents at offset " +
                  Hex(s.offset) + " size " + Hex(s.size) + " go beyond the end of the file (" +
                  Hex(size) + " bytes)");
  }
  // Pass 2: names (the name table's range was checked above).
  if (nsec > 0 && obj->sections[shstrndx].type != SHT_STRTAB)
    return fail("corrupt ELF header: section name table (section " + std::to_string(shstrndx) +
                ") is not a string table");
  for (size_t i = 1; i < nsec; ++i) {
    GElf_Shdr sh;
    gelf_getshdr(elf_getscn(elf.get(), i), &sh);
    const char* n = elf_strptr(elf.get(), shstrndx, sh.sh_name);
    if (!n)
      return fail("corrupt section header " + std::to_string(i) + ": name offset " +
                  Hex(sh.sh_name) + " is outside the section name table");
    obj->sections[i].name = n;
  }

  // Program headers.
  size_t nph = 0;
  if (phoff != 0 && phnum != 0) {
    if (elf_getphdrnum(elf.get(), &nph) != 0) return fail("cannot count program headers: " + LibelfError());
    for (size_t i = 0; i < nph; ++i) {
      GElf_Phdr ph;
      if (!gelf_getphdr(elf.get(), static_cast<int>(i), &ph))
        return fail("cannot read program header " + std::to_string(i) + ": " + LibelfError());
      if (ph.p_type != PT_LOAD) continue;
      Segment seg;
      seg.vaddr = ph.p_vaddr;
      seg.offset = ph.p_offset;
      seg.filesz = ph.p_filesz;
      seg.memsz = ph.p_memsz;
      if (!Within(seg.offset, seg.filesz, size))
        return fail("corrupt program header " + std::to_string(i) + ": segment at offset " +
                    Hex(seg.offset) + " size " + Hex(seg.filesz) + " goes beyond the end of the file");
      obj->segments.push_back(seg);
    }
  }

  // Symbols (.symtab only: .dynsym has no local symbols and no hidden ones).
  size_t symtab = 0;
  for (size_t i = 1; i < nsec; ++i) {
    const Section& s = obj->sections[i];
    if (s.type != SHT_SYMTAB) continue;
    const uint64_t ent = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
    if (s.size % ent != 0 || s.size / ent > kMaxSymbols)
      return fail("corrupt symbol table (section " + std::to_string(i) + "): size " + Hex(s.size) +
                  " is not a sane multiple of the symbol size");
    if (s.link == 0 || s.link >= nsec || obj->sections[s.link].type != SHT_STRTAB)
      return fail("corrupt symbol table (section " + std::to_string(i) + "): sh_link " +
                  std::to_string(s.link) + " is not a string table");
    Elf_Data* d = elf_getdata(elf_getscn(elf.get(), i), nullptr);
    if (!d) return fail("cannot read the symbol table: " + LibelfError());
    const size_t n = s.size / ent;
    obj->symbols.resize(n);
    for (size_t k = 0; k < n; ++k) {
      GElf_Sym sym;
      if (!gelf_getsym(d, static_cast<int>(k), &sym))
        return fail("cannot read symbol " + std::to_string(k) + ": " + LibelfError());
      Symbol& out = obj->symbols[k];
      const char* nm = sym.st_name ? elf_strptr(elf.get(), s.link, sym.st_name) : "";
      if (!nm)
        return fail("corrupt symbol " + std::to_string(k) + ": name offset " + Hex(sym.st_name) +
                    " is outside its string table");
      out.name = nm;
      out.value = sym.st_value;
      out.size = sym.st_size;
      out.type = GELF_ST_TYPE(sym.st_info);
      out.shndx = sym.st_shndx;
    }
    symtab = i;
    break;
  }
  if (!obj->relocatable()) {
    for (const auto& sym : obj->symbols) {
      if (sym.shndx == SHN_UNDEF || sym.name.empty()) continue;
      if (sym.type != STT_FUNC && sym.type != STT_OBJECT && sym.type != STT_NOTYPE) continue;
      obj->by_name_.emplace(sym.name, sym.value);
      auto it = obj->by_addr_.find(sym.value);
      // Prefer a function over a label at the same address.
      if (it == obj->by_addr_.end()) obj->by_addr_[sym.value] = sym.name;
      else if (sym.type == STT_FUNC) it->second = sym.name;
    }
  }

  // Relocations of relocatable objects, against the symbol table.
  if (obj->relocatable() && symtab != 0) {
    for (size_t i = 1; i < nsec; ++i) {
      const Section& s = obj->sections[i];
      if (s.type != SHT_RELA && s.type != SHT_REL) continue;
      if (s.link != symtab || s.info == 0 || s.info >= nsec) continue;
      const bool rela = s.type == SHT_RELA;
      const uint64_t ent = rela ? (is64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela))
                                : (is64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
      if (s.size % ent != 0)
        return fail("corrupt relocation section " + s.name + ": size " + Hex(s.size) +
                    " is not a multiple of " + std::to_string(ent));
      Elf_Data* d = elf_getdata(elf_getscn(elf.get(), i), nullptr);
      if (!d) return fail("cannot read relocation section " + s.name + ": " + LibelfError());
      const Section& target = obj->sections[s.info];
      auto& list = obj->relocs_[s.info];
      for (size_t k = 0; k < s.size / ent; ++k) {
        Reloc r;
        uint64_t info = 0;
        if (rela) {
          GElf_Rela ra;
          if (!gelf_getrela(d, static_cast<int>(k), &ra)) break;
          r.offset = ra.r_offset;
          r.addend = ra.r_addend;
          info = ra.r_info;
        } else {
          GElf_Rel rl;
          if (!gelf_getrel(d, static_cast<int>(k), &rl)) break;
          r.offset = rl.r_offset;
          info = rl.r_info;
          // The addend of a REL relocation is in place (32-bit fields here).
          if (target.type != SHT_NOBITS && Within(r.offset, 4, target.size))
            r.addend = static_cast<int32_t>(Le(obj->image_, target.offset + r.offset, 4));
        }
        r.type = static_cast<uint32_t>(is64 ? GELF_R_TYPE(info) : ELF32_R_TYPE(info));
        r.symbol = is64 ? GELF_R_SYM(info) : ELF32_R_SYM(info);
        if (r.symbol >= obj->symbols.size()) continue;  // ignored, not trusted
        list.push_back(r);
      }
    }
  }
  return true;
}

bool LoadBuffer(std::string bytes, const std::string& origin,
                std::vector<ElfObject>* out, std::string* error) {
  elf_version(EV_CURRENT);
  if (bytes.size() >= SARMAG && memcmp(bytes.data(), ARMAG, SARMAG) == 0) {
    std::string copy = bytes;
    ElfPtr ar(elf_memory(&copy[0], copy.size()));
    if (!ar || elf_kind(ar.get()) != ELF_K_AR) {
      *error = origin + ": corrupt archive: " + LibelfError();
      return false;
    }
    uint64_t members = 0;
    Elf_Cmd cmd = ELF_C_READ_MMAP;
    for (;;) {
      ElfPtr m(elf_begin(-1, cmd, ar.get()));
      if (!m) {
        if (members == 0 && copy.size() == SARMAG) break;  // an empty archive
        *error = origin + ": corrupt archive: cannot read member " + std::to_string(members + 1) +
                 ": " + LibelfError();
        return false;
      }
      if (++members > kMaxMembers) {
        *error = origin + ": archive has more than " + std::to_string(kMaxMembers) + " members";
        return false;
      }
      Elf_Arhdr* h = elf_getarhdr(m.get());
      const std::string name = h && h->ar_name ? h->ar_name : "?";
      cmd = elf_next(m.get());
      if (!name.empty() && name[0] != '/') {  // "/", "//": symbol and name tables
        size_t n = 0;
        const char* raw = elf_rawfile(m.get(), &n);
        if (!raw) {
          *error = origin + "(" + name + "): cannot read archive member: " + LibelfError();
          return false;
        }
        ElfObject obj;
        if (!ElfLoader::LoadImage(std::string(raw, n), origin + "(" + name + ")", &obj, error))
          return false;
        out->push_back(std::move(obj));
      }
      if (cmd == ELF_C_NULL) break;
    }
    return true;
  }
  ElfObject obj;
  if (!ElfLoader::LoadImage(std::move(bytes), origin, &obj, error)) return false;
  out->push_back(std::move(obj));
  return true;
}

bool LoadFile(const std::string& path, std::vector<ElfObject>* out, std::string* error) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    *error = path + ": not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + strerror(errno);
    return false;
  }
  // Read straight into the buffer the object keeps (one copy of the file).
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<size_t>(size));
    in.read(&bytes[0], size);
  }
  if (in.bad() || size < 0 || in.gcount() != size) {
    *error = path + ": cannot read";
    return false;
  }
  return LoadBuffer(std::move(bytes), path, out, error);
}

}  // namespace audit
