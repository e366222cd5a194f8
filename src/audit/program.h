// earlyinit-audit: the linker-table layer. Turns the ELF objects of the
// inputs into tables of entries, each entry joined with its metadata record:
// for an executable, from the allocated bytes between the markers (the
// truth of what runs); for objects and archives, from the entry sections,
// sorted as the linker will sort them. Knows nothing about earlyinit.
#ifndef EARLYINIT_SRC_AUDIT_PROGRAM_H
#define EARLYINIT_SRC_AUDIT_PROGRAM_H

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "src/audit/elf_file.h"
#include "src/audit/finding.h"
#include "src/linktable_meta/meta.h"

namespace audit {

using linktable_meta::Record;

struct Entry {
  std::string table, key, name;     // from the record or the section name
  const Record* record = nullptr;   // nullptr: an entry without its record
  std::string origin;               // the ELF object it came from
  uint64_t addr = 0;                // executables: link-time address
  uint64_t offset = 0;              // executables: offset in its table
  std::vector<uint32_t> words;      // the entry's 32-bit fields
  // Executables: field i's target address, field + value (unmasked).
  // Objects: field i's relocation symbol ("" when none), with the offset
  // into a section symbol's section resolved to a symbol when one is there.
  std::vector<uint64_t> targets;
  std::vector<std::string> target_symbols;
  std::vector<int64_t> target_addends;  // objects: the relocation addend

  // Executables: the address field i refers to, with `mask` low bits of
  // the stored value cleared (flags).
  uint64_t Target(size_t i, uint32_t mask) const;
};

struct Table {
  std::string name;
  const Record* record = nullptr;  // the table record (LINKTABLE_DEFINE)
  uint32_t entry_size = 0;
  uint64_t begin = 0, end = 0;     // executables
  std::vector<Entry> entries;      // in run order
};

struct Program {
  std::vector<std::string> files;
  std::vector<ElfObject> objects;
  bool executable = false;  // one executable or PIE (else objects/archives)
  int elf_class = 0;        // 32 or 64 (of the first object)
  std::deque<Record> records;              // every record of every input
  std::map<std::string, Table> tables;     // by name
  std::vector<Finding> problems;           // consistency findings

  const Table* FindTable(const std::string& name) const;
  // Executables: the entry at exactly this address, or nullptr.
  const Entry* EntryAt(uint64_t addr) const;

 private:
  friend bool LoadProgram(const std::vector<std::string>&, Program*, std::string*);
  friend bool BuildProgram(Program*, std::string*);
  std::map<uint64_t, std::pair<std::string, size_t>> by_addr_;
};

// Loads the files and joins entries with records. Returns false with a
// message for unreadable input (exit status 2): not ELF, corrupt headers,
// malformed metadata, tables whose bytes are not in the file, an executable
// given together with other inputs.
bool LoadProgram(const std::vector<std::string>& files, Program* program,
                 std::string* error);
// The same from objects already loaded (program->objects, files set).
bool BuildProgram(Program* program, std::string* error);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_PROGRAM_H
