// earlyinit-audit: the ELF layer. Opens executables, relocatable objects and
// static archives (64- and 32-bit, little-endian) through libelf, checks every
// offset and count against the file before using it, and exposes what the
// audit needs: sections, bytes at link-time addresses, symbols, relocations.
// Nothing here knows about linker tables.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_ELF_FILE_H
#define EARLYINIT_SRC_AUDIT_TABLES_ELF_FILE_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "src/audit/tables/file_bytes.h"

namespace audit {

struct Section {
  size_t index = 0;
  std::string name;
  uint32_t type = 0;
  uint64_t flags = 0;
  uint64_t addr = 0;
  uint64_t offset = 0;
  uint64_t size = 0;
  uint32_t link = 0;
  uint32_t info = 0;
};

struct Segment {  // PT_LOAD
  uint64_t vaddr = 0, offset = 0, filesz = 0, memsz = 0;
};

struct Symbol {
  std::string_view name;  // into the object's string table
  uint64_t value = 0;
  uint64_t size = 0;
  uint8_t type = 0;  // STT_*
  uint16_t shndx = 0;
};

// A relocation in a relocatable object (REL or RELA).
struct Reloc {
  uint64_t offset = 0;  // in the section it applies to
  uint32_t type = 0;
  size_t symbol = 0;    // index into ElfObject::symbols
  int64_t addend = 0;   // RELA: r_addend; REL: the implicit 32-bit addend
};

// One ELF image: a whole file, or one member of an archive.
class ElfObject {
 public:
  std::string origin;     // "file" or "archive.a(member.o)"
  int elf_class = 0;      // 32 or 64
  uint16_t type = 0;      // ET_REL, ET_EXEC, ET_DYN
  uint16_t machine = 0;
  std::vector<Section> sections;
  std::vector<Segment> segments;
  // .symtab (empty when stripped). Relocatable objects only: an executable
  // keeps only the look-ups below (SymbolAt, SymbolValue), since its
  // symbols are many (two per table entry) and only looked up.
  std::vector<Symbol> symbols;

  bool relocatable() const { return type == 1; /* ET_REL */ }

  // The first section with this name, or nullptr.
  const Section* Find(const std::string& name) const;
  // A section's bytes (empty for SHT_NOBITS); its range was checked at load.
  // Views stay valid as long as the object (or a copy of it) does.
  std::string_view Bytes(const Section& s) const;
  // Bytes at [addr, addr+size) of the loaded image (link-time addresses),
  // from an allocated section, else from a PT_LOAD segment. False if the
  // range is not wholly backed by file bytes.
  bool ReadAt(uint64_t addr, uint64_t size, std::string_view* out) const;
  // The relocations that apply to `target` (a section index); empty if none.
  std::vector<Reloc> RelocsFor(size_t target) const;
  // The name of a function or object symbol at exactly `addr` (executables),
  // or "" when there is no symbol table or no symbol there.
  std::string_view SymbolAt(uint64_t addr) const;
  // The value of a defined symbol of this name (executables); false if none.
  bool SymbolValue(std::string_view name, uint64_t* value) const;

 private:
  friend class ElfLoader;
  std::shared_ptr<FileBytes> file_;  // owns the bytes image_ views
  std::string_view image_;           // the object's bytes (a member's, in an archive)
  std::map<size_t, std::vector<Reloc>> relocs_;
  // The look-ups name a symbol by its st_name, an offset into strtab_
  // (32 bits in ELF32 and ELF64; the name's end was checked at load): 8
  // bytes less per symbol than a view.
  std::string_view strtab_;
  std::string_view NameAt(uint32_t offset) const;
  std::vector<std::pair<uint64_t, uint32_t>> by_addr_;  // sorted, one per address
  // The named symbols (value, st_name) in table order; the look-up by name
  // is built from them at the first SymbolValue, since `check` asks only
  // when the symbol at an address is not the one a record names.
  std::vector<std::pair<uint64_t, uint32_t>> named_;
  struct NameKey {
    uint64_t hash;  // of the name: sorted by it, then by symbol index
    uint64_t value;
    uint32_t name;
  };
  mutable std::vector<NameKey> by_name_;
  void IndexByName() const;
};

// Loads every ELF object of a file or buffer. On failure, returns false and
// sets *error to a message that says what is wrong and where; never reads
// outside the buffer.
bool LoadFile(const std::string& path, std::vector<ElfObject>* out,
              std::string* error);
bool LoadBuffer(std::string bytes, const std::string& origin,
                std::vector<ElfObject>* out, std::string* error);
bool LoadBytes(std::shared_ptr<FileBytes> bytes, const std::string& origin,
               std::vector<ElfObject>* out, std::string* error);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_ELF_FILE_H
