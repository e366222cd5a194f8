#include "src/audit/tables/elf_file.h"
#include "src/audit/base/text.h"

#include <ar.h>
#include <gelf.h>
#include <libelf.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace audit {

namespace {

// Far above any real input; stops absurd counts before they cost memory.
constexpr uint64_t kMaxSections = 1u << 20;
constexpr uint64_t kMaxSegments = 1u << 16;
constexpr uint64_t kMaxSymbols = 1u << 24;
constexpr uint64_t kMaxMembers = 1u << 20;

uint64_t Le(std::string_view b, size_t off, size_t n) {
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

std::string_view ElfObject::Bytes(const Section& s) const {
  // SHT_NULL's offset and size mean nothing, and were not checked.
  if (s.type == SHT_NOBITS || s.type == SHT_NULL) return std::string_view();
  return image_.substr(s.offset, s.size);
}

bool ElfObject::ReadAt(uint64_t addr, uint64_t size, std::string_view* out) const {
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

std::string_view ElfObject::NameAt(uint32_t offset) const {
  return strtab_.substr(offset, strtab_.find('\0', offset) - offset);
}

std::string_view ElfObject::SymbolAt(uint64_t addr) const {
  auto it = std::lower_bound(by_addr_.begin(), by_addr_.end(), addr,
                             [](const std::pair<uint64_t, uint32_t>& a, uint64_t v) { return a.first < v; });
  return it == by_addr_.end() || it->first != addr ? std::string_view() : NameAt(it->second);
}

// Of two symbols of one name, the first in the table is found.
void ElfObject::IndexByName() const {
  std::vector<std::pair<uint64_t, uint32_t>> hashed;  // hash, index in named_
  hashed.reserve(named_.size());
  for (uint32_t i = 0; i < named_.size(); ++i) hashed.emplace_back(std::hash<std::string_view>()(NameAt(named_[i].second)), i);
  std::sort(hashed.begin(), hashed.end());
  by_name_.reserve(named_.size());
  for (const auto& h : hashed) by_name_.push_back({h.first, named_[h.second].first, named_[h.second].second});
}

bool ElfObject::SymbolValue(std::string_view name, uint64_t* value) const {
  if (by_name_.empty() && !named_.empty()) IndexByName();
  const uint64_t h = std::hash<std::string_view>()(name);
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), h, [](const NameKey& a, uint64_t k) { return a.hash < k; });
  for (; it != by_name_.end() && it->hash == h; ++it)
    if (NameAt(it->name) == name) {
      *value = it->value;
      return true;
    }
  return false;
}

// Reads one ELF image into an ElfObject, checking every header, count and
// offset against the file before libelf or the tool trusts it. Each step
// returns false after Fail() has set the error.
class ElfLoader {
 public:
  static bool LoadImage(const std::shared_ptr<FileBytes>& file, std::string_view image,
                        const std::string& origin, ElfObject* obj, std::string* error);

 private:
  ElfLoader(const std::string& origin, ElfObject* obj, std::string* error)
      : origin_(origin), obj_(obj), error_(error) {}
  bool Fail(const std::string& what) {
    *error_ = origin_ + ": " + what;
    return false;
  }
  bool CheckIdent(std::string_view image);
  bool CheckHeaderTables(std::string_view image);
  bool Open();
  bool CountSections();
  bool SectionHeaders();
  bool SectionNames();
  bool Segments();
  bool Symbols();
  bool SymbolTable(size_t i);
  bool SymbolName(size_t k, const Section& strtab, uint32_t offset);
  void IndexSymbols();
  bool Relocations();
  bool RelocSection(size_t i);

  const std::string& origin_;
  ElfObject* obj_;
  std::string* error_;
  bool is64_ = false;
  uint64_t size_ = 0, shoff_ = 0, shnum_ = 0, phoff_ = 0, phnum_ = 0;
  ElfPtr elf_;
  size_t nsec_ = 0, shstrndx_ = 0, symtab_ = 0;
};

bool ElfLoader::CheckIdent(std::string_view image) {
  size_ = image.size();
  if (size_ < EI_NIDENT || memcmp(image.data(), ELFMAG, SELFMAG) != 0)
    return Fail("not an ELF file (no ELF magic at offset 0x0)");
  const int cls = static_cast<uint8_t>(image[EI_CLASS]);
  if (cls != ELFCLASS32 && cls != ELFCLASS64)
    return Fail("unknown ELF class " + std::to_string(cls) + " at offset 0x4");
  if (static_cast<uint8_t>(image[EI_DATA]) != ELFDATA2LSB)
    return Fail("not a little-endian ELF file (EI_DATA at offset 0x5)");
  is64_ = cls == ELFCLASS64;
  const uint64_t ehsize = is64_ ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
  if (size_ < ehsize)
    return Fail("truncated: " + std::to_string(size_) + " bytes, shorter than the ELF header (" +
                std::to_string(ehsize) + ")");
  return true;
}

// The header tables against the file, before libelf looks at them.
bool ElfLoader::CheckHeaderTables(std::string_view image) {
  const bool is64 = is64_;
  const uint64_t size = size_;
  shoff_ = is64 ? Le(image, 0x28, 8) : Le(image, 0x20, 4);
  const uint64_t shentsize = is64 ? Le(image, 0x3a, 2) : Le(image, 0x2e, 2);
  shnum_ = is64 ? Le(image, 0x3c, 2) : Le(image, 0x30, 2);
  phoff_ = is64 ? Le(image, 0x20, 8) : Le(image, 0x1c, 4);
  const uint64_t phentsize = is64 ? Le(image, 0x36, 2) : Le(image, 0x2a, 2);
  phnum_ = is64 ? Le(image, 0x38, 2) : Le(image, 0x2c, 2);
  const uint64_t want_sh = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
  const uint64_t want_ph = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
  if (shoff_ != 0) {
    if (shentsize != want_sh)
      return Fail("corrupt ELF header: e_shentsize is " + std::to_string(shentsize) + ", expected " +
                  std::to_string(want_sh));
    if (!Within(shoff_, want_sh, size))
      return Fail("corrupt section header table: e_shoff " + Hex(shoff_) + " is beyond the end of the file (" +
                  Hex(size) + " bytes)");
    if (shnum_ == 0)  // extended numbering: the count is in section 0
      shnum_ = is64 ? Le(image, shoff_ + 0x20, 8) : Le(image, shoff_ + 0x14, 4);
    if (shnum_ > kMaxSections || !Within(shoff_, shnum_ * want_sh, size))
      return Fail("corrupt section header table: " + std::to_string(shnum_) + " headers at offset " +
                  Hex(shoff_) + " do not fit in the file (" + Hex(size) + " bytes)");
  }
  if (phoff_ != 0 && phnum_ != 0) {
    if (phentsize != want_ph)
      return Fail("corrupt ELF header: e_phentsize is " + std::to_string(phentsize) + ", expected " +
                  std::to_string(want_ph));
    if (phnum_ >= 0xffff || phnum_ > kMaxSegments || !Within(phoff_, phnum_ * want_ph, size))
      return Fail("corrupt program header table: " + std::to_string(phnum_) + " headers at offset " +
                  Hex(phoff_) + " do not fit in the file (" + Hex(size) + " bytes)");
  }
  return true;
}

bool ElfLoader::Open() {
  // libelf takes a char*: the bytes are writable (FileBytes), never written.
  elf_.reset(elf_memory(const_cast<char*>(obj_->image_.data()), obj_->image_.size()));
  if (!elf_) return Fail("libelf cannot read it: " + LibelfError());
  if (elf_kind(elf_.get()) != ELF_K_ELF) return Fail("not an ELF object");
  GElf_Ehdr eh;
  if (!gelf_getehdr(elf_.get(), &eh)) return Fail("cannot read the ELF header: " + LibelfError());
  obj_->elf_class = is64_ ? 64 : 32;
  obj_->type = eh.e_type;
  obj_->machine = eh.e_machine;
  if (eh.e_type != ET_REL && eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
    return Fail("unsupported ELF type " + std::to_string(eh.e_type) +
                " (expected a relocatable object, an executable or a PIE)");
  return true;
}

bool ElfLoader::CountSections() {
  if (shoff_ == 0) return true;
  if (elf_getshdrnum(elf_.get(), &nsec_) != 0) return Fail("cannot count sections: " + LibelfError());
  if (nsec_ != shnum_)
    return Fail("corrupt section header table: libelf counts " + std::to_string(nsec_) +
                " sections, the header says " + std::to_string(shnum_));
  if (nsec_ > 0 && elf_getshdrstrndx(elf_.get(), &shstrndx_) != 0)
    return Fail("cannot find the section name table: " + LibelfError());
  if (nsec_ > 0 && shstrndx_ >= nsec_)
    return Fail("corrupt ELF header: section name table index " + std::to_string(shstrndx_) +
                " is not below the section count " + std::to_string(nsec_));
  return true;
}

// Pass 1: headers and ranges.
bool ElfLoader::SectionHeaders() {
  obj_->sections.resize(nsec_);
  for (size_t i = 0; i < nsec_; ++i) {
    Elf_Scn* scn = elf_getscn(elf_.get(), i);
    GElf_Shdr sh;
    if (!scn || !gelf_getshdr(scn, &sh))
      return Fail("cannot read section header " + std::to_string(i) + ": " + LibelfError());
    Section& s = obj_->sections[i];
    s.index = i;
    s.type = sh.sh_type;
    s.flags = sh.sh_flags;
    s.addr = sh.sh_addr;
    s.offset = sh.sh_offset;
    s.size = sh.sh_size;
    s.link = sh.sh_link;
    s.info = sh.sh_info;
    if (i > 0 && s.type != SHT_NOBITS && s.type != SHT_NULL && !Within(s.offset, s.size, size_))
      return Fail("corrupt section header " + std::to_string(i) + ": contents at offset " + Hex(s.offset) +
                  " size " + Hex(s.size) + " go beyond the end of the file (" + Hex(size_) + " bytes)");
  }
  return true;
}

// Pass 2: names (the name table's range was checked in pass 1).
bool ElfLoader::SectionNames() {
  if (nsec_ > 0 && obj_->sections[shstrndx_].type != SHT_STRTAB)
    return Fail("corrupt ELF header: section name table (section " + std::to_string(shstrndx_) +
                ") is not a string table");
  for (size_t i = 1; i < nsec_; ++i) {
    GElf_Shdr sh;
    gelf_getshdr(elf_getscn(elf_.get(), i), &sh);
    const char* n = elf_strptr(elf_.get(), shstrndx_, sh.sh_name);
    if (!n)
      return Fail("corrupt section header " + std::to_string(i) + ": name offset " + Hex(sh.sh_name) +
                  " is outside the section name table");
    obj_->sections[i].name = n;
  }
  return true;
}

bool ElfLoader::Segments() {
  size_t nph = 0;
  if (phoff_ == 0 || phnum_ == 0) return true;
  if (elf_getphdrnum(elf_.get(), &nph) != 0) return Fail("cannot count program headers: " + LibelfError());
  for (size_t i = 0; i < nph; ++i) {
    GElf_Phdr ph;
    if (!gelf_getphdr(elf_.get(), static_cast<int>(i), &ph))
      return Fail("cannot read program header " + std::to_string(i) + ": " + LibelfError());
    if (ph.p_type != PT_LOAD) continue;
    Segment seg;
    seg.vaddr = ph.p_vaddr;
    seg.offset = ph.p_offset;
    seg.filesz = ph.p_filesz;
    seg.memsz = ph.p_memsz;
    if (!Within(seg.offset, seg.filesz, size_))
      return Fail("corrupt program header " + std::to_string(i) + ": segment at offset " + Hex(seg.offset) +
                  " size " + Hex(seg.filesz) + " goes beyond the end of the file");
    obj_->segments.push_back(seg);
  }
  return true;
}

bool ElfLoader::SymbolTable(size_t i) {
  const Section& s = obj_->sections[i];
  const uint64_t ent = is64_ ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
  if (s.size % ent != 0 || s.size / ent > kMaxSymbols)
    return Fail("corrupt symbol table (section " + std::to_string(i) + "): size " + Hex(s.size) +
                " is not a sane multiple of the symbol size");
  if (s.link == 0 || s.link >= nsec_ || obj_->sections[s.link].type != SHT_STRTAB)
    return Fail("corrupt symbol table (section " + std::to_string(i) + "): sh_link " + std::to_string(s.link) +
                " is not a string table");
  Elf_Data* d = elf_getdata(elf_getscn(elf_.get(), i), nullptr);
  if (!d) return Fail("cannot read the symbol table: " + LibelfError());
  const size_t n = s.size / ent;
  obj_->symbols.resize(n);
  for (size_t k = 0; k < n; ++k) {
    GElf_Sym sym;
    if (!gelf_getsym(d, static_cast<int>(k), &sym))
      return Fail("cannot read symbol " + std::to_string(k) + ": " + LibelfError());
    Symbol& out = obj_->symbols[k];
    if (!SymbolName(k, obj_->sections[s.link], static_cast<uint32_t>(sym.st_name))) return false;
    out.value = sym.st_value;
    out.size = sym.st_size;
    out.type = GELF_ST_TYPE(sym.st_info);
    out.shndx = sym.st_shndx;
  }
  symtab_ = i;
  obj_->strtab_ = obj_->image_.substr(obj_->sections[s.link].offset, obj_->sections[s.link].size);
  return true;
}

// A symbol's name, a view into its string table (whose range was checked):
// as elf_strptr, the offset must be inside the table and the name end there.
bool ElfLoader::SymbolName(size_t k, const Section& strtab, uint32_t offset) {
  if (offset == 0) return true;
  const std::string_view table = obj_->image_.substr(strtab.offset, strtab.size);
  const size_t end = offset < table.size() ? table.find('\0', offset) : std::string_view::npos;
  if (end == std::string_view::npos)
    return Fail("corrupt symbol " + std::to_string(k) + ": name offset " + Hex(offset) +
                " is outside its string table");
  obj_->symbols[k].name = table.substr(offset, end - offset);
  return true;
}

// Symbols (.symtab only: .dynsym has no local symbols and no hidden ones).
bool ElfLoader::Symbols() {
  for (size_t i = 1; i < nsec_; ++i)
    if (obj_->sections[i].type == SHT_SYMTAB) return SymbolTable(i);
  return true;
}

// Executables: look-ups by name (the first symbol of a name) and by address
// (the last function there, else the first symbol there).
void ElfLoader::IndexSymbols() {
  if (obj_->relocatable()) return;
  // The named symbols, compact: sorted twice by value, never through a
  // pointer (sorting pointers to the symbols cost a cache miss a compare).
  struct Named {
    uint64_t value;
    uint32_t name;   // st_name
    uint32_t order;  // in the table: ties keep it
    bool function;
  };
  std::vector<Named> named;
  named.reserve(obj_->symbols.size());
  for (size_t k = 0; k < obj_->symbols.size(); ++k) {
    const Symbol& sym = obj_->symbols[k];
    if (sym.shndx == SHN_UNDEF || sym.name.empty()) continue;
    if (sym.type != STT_FUNC && sym.type != STT_OBJECT && sym.type != STT_NOTYPE) continue;
    named.push_back({sym.value, static_cast<uint32_t>(sym.name.data() - obj_->strtab_.data()),
                     static_cast<uint32_t>(k), sym.type == STT_FUNC});
  }
  obj_->named_.reserve(named.size());
  for (const Named& n : named) obj_->named_.emplace_back(n.value, n.name);
  // By address: the first symbol there, unless a later one is a function.
  std::sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
    return a.value != b.value ? a.value < b.value : a.order < b.order;
  });
  auto& by_addr = obj_->by_addr_;
  by_addr.reserve(named.size());
  for (const Named& n : named) {
    if (by_addr.empty() || by_addr.back().first != n.value) by_addr.emplace_back(n.value, n.name);
    else if (n.function) by_addr.back().second = n.name;
  }
  std::vector<Symbol>().swap(obj_->symbols);  // the names are views into .strtab
  if (symtab_ != 0 && obj_->file_) {  // read once: 5.6 MB of pages for 233,000 symbols
    const Section& s = obj_->sections[symtab_];
    obj_->file_->Drop(obj_->image_.substr(s.offset, s.size));
  }
}

bool ElfLoader::RelocSection(size_t i) {
  const Section& s = obj_->sections[i];
  const bool rela = s.type == SHT_RELA;
  const uint64_t ent = rela ? (is64_ ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela))
                            : (is64_ ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
  if (s.size % ent != 0)
    return Fail("corrupt relocation section " + s.name + ": size " + Hex(s.size) + " is not a multiple of " +
                std::to_string(ent));
  Elf_Data* d = elf_getdata(elf_getscn(elf_.get(), i), nullptr);
  if (!d) return Fail("cannot read relocation section " + s.name + ": " + LibelfError());
  const Section& target = obj_->sections[s.info];
  auto& list = obj_->relocs_[s.info];
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
      // The addend of a REL relocation is in place (32-bit fields here),
      // in the target's checked bytes (none for NOBITS and NULL sections).
      const std::string_view bytes = obj_->Bytes(target);
      if (Within(r.offset, 4, bytes.size())) r.addend = static_cast<int32_t>(Le(bytes, r.offset, 4));
    }
    r.type = static_cast<uint32_t>(is64_ ? GELF_R_TYPE(info) : ELF32_R_TYPE(info));
    r.symbol = is64_ ? GELF_R_SYM(info) : ELF32_R_SYM(info);
    if (r.symbol >= obj_->symbols.size()) continue;  // ignored, not trusted
    list.push_back(r);
  }
  return true;
}

// Relocations of relocatable objects, against the symbol table.
bool ElfLoader::Relocations() {
  if (!obj_->relocatable() || symtab_ == 0) return true;
  for (size_t i = 1; i < nsec_; ++i) {
    const Section& s = obj_->sections[i];
    if (s.type != SHT_RELA && s.type != SHT_REL) continue;
    if (s.link != symtab_ || s.info == 0 || s.info >= nsec_) continue;
    if (!RelocSection(i)) return false;
  }
  return true;
}

bool ElfLoader::LoadImage(const std::shared_ptr<FileBytes>& file, std::string_view image,
                          const std::string& origin, ElfObject* obj, std::string* error) {
  ElfLoader l(origin, obj, error);
  if (!l.CheckIdent(image) || !l.CheckHeaderTables(image)) return false;
  obj->origin = origin;
  obj->file_ = file;
  obj->image_ = image;  // a view: 40 MB for 100,000 entries, never copied
  if (!l.Open() || !l.CountSections() || !l.SectionHeaders() || !l.SectionNames() || !l.Segments() ||
      !l.Symbols())
    return false;
  l.IndexSymbols();
  return l.Relocations();
}

namespace {

// Every member of an archive but its symbol and name tables ("/", "//"),
// each a view into the archive's bytes.
bool LoadArchive(const std::shared_ptr<FileBytes>& bytes, const std::string& origin,
                 std::vector<ElfObject>* out, std::string* error) {
  ElfPtr ar(elf_memory(bytes->data(), bytes->size()));
  if (!ar || elf_kind(ar.get()) != ELF_K_AR) {
    *error = origin + ": corrupt archive: " + LibelfError();
    return false;
  }
  uint64_t members = 0;
  for (Elf_Cmd cmd = ELF_C_READ_MMAP; cmd != ELF_C_NULL;) {
    ElfPtr m(elf_begin(-1, cmd, ar.get()));
    if (!m) {
      if (members == 0 && bytes->size() == SARMAG) break;  // an empty archive
      *error = origin + ": corrupt archive: cannot read member " + std::to_string(members + 1) + ": " +
               LibelfError();
      return false;
    }
    if (++members > kMaxMembers) {
      *error = origin + ": archive has more than " + std::to_string(kMaxMembers) + " members";
      return false;
    }
    Elf_Arhdr* h = elf_getarhdr(m.get());
    const std::string name = h && h->ar_name ? h->ar_name : "?";
    cmd = elf_next(m.get());
    if (name.empty() || name[0] == '/') continue;
    size_t n = 0;
    const char* raw = elf_rawfile(m.get(), &n);
    if (!raw) {
      *error = origin + "(" + name + "): cannot read archive member: " + LibelfError();
      return false;
    }
    ElfObject obj;
    if (!ElfLoader::LoadImage(bytes, std::string_view(raw, n), origin + "(" + name + ")", &obj, error))
      return false;
    out->push_back(std::move(obj));
  }
  return true;
}

}  // namespace

bool LoadBytes(std::shared_ptr<FileBytes> bytes, const std::string& origin, std::vector<ElfObject>* out,
               std::string* error) {
  elf_version(EV_CURRENT);
  if (bytes->size() >= SARMAG && memcmp(bytes->data(), ARMAG, SARMAG) == 0)
    return LoadArchive(bytes, origin, out, error);
  ElfObject obj;
  if (!ElfLoader::LoadImage(bytes, bytes->view(), origin, &obj, error)) return false;
  out->push_back(std::move(obj));
  return true;
}

bool LoadBuffer(std::string bytes, const std::string& origin, std::vector<ElfObject>* out,
                std::string* error) {
  return LoadBytes(FileBytes::FromString(std::move(bytes)), origin, out, error);
}

bool LoadFile(const std::string& path, std::vector<ElfObject>* out, std::string* error) {
  std::shared_ptr<FileBytes> bytes = FileBytes::Map(path, error);
  return bytes && LoadBytes(std::move(bytes), path, out, error);
}

}  // namespace audit
