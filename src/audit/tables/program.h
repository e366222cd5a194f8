// earlyinit-audit: the linker-table layer. Turns the ELF objects of the
// inputs into tables of entries, each entry joined with its metadata record:
// for an executable, from the allocated bytes between the markers (the
// truth of what runs); for objects and archives, from the entry sections,
// sorted as the linker will sort them. Knows nothing about earlyinit.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_PROGRAM_H
#define EARLYINIT_SRC_AUDIT_TABLES_PROGRAM_H

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/audit/base/finding.h"
#include "src/audit/tables/elf_file.h"
#include "src/linktable_meta/meta.h"

namespace audit {

// A metadata record; its strings are views into the program's bytes.
using Record = linktable_meta::RecordView;

// Strings of the model of a program are views into its bytes (the mapped
// files) or into its tables and sections, all kept by the Program: no
// allocation per entry. Valid while the Program lives, unmoved.
struct Entry {
  std::string_view table, key, name;  // from the record or the section name
  const Record* record = nullptr;     // nullptr: an entry without its record
  const ElfObject* object = nullptr;  // the ELF object it came from
  uint64_t addr = 0;                  // executables: link-time address
  uint64_t offset = 0;                // executables: offset in its table
  std::string_view bytes;             // the entry's 32-bit fields, whole ones
  // Objects: field i's relocation symbol ("" when none), with the offset
  // into a section symbol's section resolved to a symbol when one is there,
  // and its addend. Kept apart: executables, with 100,000 entries, have none.
  struct Relocs {
    std::vector<std::string> symbols;
    std::vector<int64_t> addends;
  };
  std::unique_ptr<Relocs> relocs;

  // Field i's relocation symbol ("" when none; always "" in executables).
  const std::string& TargetSymbol(size_t i) const;
  size_t WordCount() const { return bytes.size() / 4; }
  uint32_t Word(size_t i) const;  // field i (i < WordCount())
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
  std::deque<std::vector<Record>> records;  // every record of every input, by section
  std::deque<std::string> patched;         // metadata bytes patched before parsing (RISC-V objects)
  std::map<std::string, Table, std::less<>> tables;  // by name
  std::vector<const Record*> notes;        // note records (facts with no entry), in input order
  std::vector<Finding> problems;           // consistency findings

  Program() = default;
  Program(const Program&) = delete;  // the views point into it
  Program& operator=(const Program&) = delete;

  const Table* FindTable(std::string_view name) const;
  // Executables: the entry at exactly this address, or nullptr.
  const Entry* EntryAt(uint64_t addr) const;
};

// "file:line: " of a record, in front of a message; "" without one.
std::string Where(const Record* r);

// A finding about a record (its file and line) and a table entry: the
// loader's and the model's (AddFinding, base/finding.h).
void AddRecordFinding(std::vector<Finding>* v, FindingKind kind, const std::string& message,
                      const Record* r, std::string_view table = "", std::string_view name = "");

// Loads the files and joins entries with records. Returns false with a
// message for unreadable input (exit status 2): not ELF, corrupt headers,
// malformed metadata, tables whose bytes are not in the file, an executable
// given together with other inputs.
bool LoadProgram(const std::vector<std::string>& files, Program* program,
                 std::string* error);
// The same from objects already loaded (program->objects, files set).
bool BuildProgram(Program* program, std::string* error);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_PROGRAM_H
