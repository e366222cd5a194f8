#include "src/audit/tables/program.h"
#include "src/audit/base/text.h"

#include "linktable/names.h"

#include <elf.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace audit {

namespace {

// A RISC-V object assembled with linker relaxation on (Clang's default)
// keeps a difference of two labels, such as a metadata record's length, as
// an R_RISCV_ADD32 / R_RISCV_SUB32 pair and 0 in place, even in a data
// section. Applies the pairs whose labels lie in the section itself, so
// that the records read as they will once linked.
void ApplyRiscvLabelDifferences(const ElfObject& o, size_t index, std::string* bytes) {
  if (!o.relocatable() || o.machine != EM_RISCV) return;
  for (const Reloc& r : o.RelocsFor(index)) {
    if (r.type != R_RISCV_ADD32 && r.type != R_RISCV_SUB32) continue;
    const Symbol& sym = o.symbols[r.symbol];
    if (sym.shndx != index || r.offset > bytes->size() || bytes->size() - r.offset < 4) continue;
    uint32_t word = 0;
    for (int b = 0; b < 4; ++b) word |= uint32_t(uint8_t((*bytes)[r.offset + b])) << (8 * b);
    const uint32_t v = static_cast<uint32_t>(sym.value + r.addend);
    word = r.type == R_RISCV_ADD32 ? word + v : word - v;
    for (int b = 0; b < 4; ++b) (*bytes)[r.offset + b] = static_cast<char>(word >> (8 * b));
  }
}

constexpr char kPrefix[] = LINKTABLE_SECTION_PREFIX;
constexpr char kMetaSection[] = LINKTABLE_META_SECTION;
// More entries than any table could hold is corrupt input, not a program.
constexpr uint64_t kMaxEntriesPerTable = 1u << 24;

uint32_t Le32(std::string_view b, size_t off) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[off])) |
         static_cast<uint32_t>(static_cast<uint8_t>(b[off + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[off + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[off + 3])) << 24;
}


// The prefix of a table section, in .rodata or in the init sections
// (LINKTABLE_INIT_SECTIONS); 0 when s has neither.
size_t TablePrefixLength(std::string_view s) {
  for (std::string_view p : {LINKTABLE_RODATA_SECTION_PREFIX, LINKTABLE_INIT_SECTION_PREFIX})
    if (s.substr(0, p.size()) == p) return p.size();
  return 0;
}

// ".rodata.lt.<table>.<key>.<name>" (or ".init.rodata.lt....") -> parts;
// false for markers and others.
bool SplitEntrySection(std::string_view s, std::string_view* table, std::string_view* key,
                       std::string_view* name) {
  const size_t n = TablePrefixLength(s);
  if (n == 0) return false;
  const size_t d1 = s.find('.', n);
  if (d1 == std::string::npos) return false;
  const size_t d2 = s.find('.', d1 + 1);
  if (d2 == std::string::npos) return false;  // a marker: .rodata.lt.<t>.! / .~
  *table = s.substr(n, d1 - n);
  *key = s.substr(d1 + 1, d2 - d1 - 1);
  *name = s.substr(d2 + 1);
  return !table->empty() && !name->empty();
}

void AddProblem(Program* p, FindingKind kind, const std::string& message,
                const Record* r, std::string_view table, std::string_view name) {
  AddRecordFinding(&p->problems, kind, message, r, table, name);
}

// The symbol a relocation names; a section symbol plus addend becomes the
// symbol defined at that offset, when there is one.
std::string RelocSymbol(const ElfObject& o, const Reloc& r) {
  const Symbol& s = o.symbols[r.symbol];
  if (s.type != STT_SECTION) return Str(s.name);
  for (int64_t want : {r.addend, r.addend & ~int64_t{3}}) {
    for (const auto& c : o.symbols) {
      if (c.shndx == s.shndx && c.type != STT_SECTION && c.type != STT_FILE &&
          !c.name.empty() && static_cast<int64_t>(c.value) == want)
        return Str(c.name);
    }
  }
  const std::string sec = s.shndx < o.sections.size() ? o.sections[s.shndx].name : "?";
  return sec + "+" + Hex(static_cast<uint64_t>(r.addend));
}

}  // namespace

uint32_t Entry::Word(size_t i) const { return Le32(bytes, 4 * i); }

const std::string& Entry::TargetSymbol(size_t i) const {
  static const std::string kNone;
  return relocs && i < relocs->symbols.size() ? relocs->symbols[i] : kNone;
}

uint64_t Entry::Target(size_t i, uint32_t mask) const {
  if (i >= WordCount()) return 0;
  const int32_t v = static_cast<int32_t>(Word(i) & ~mask);
  return addr + 4 * i + static_cast<uint64_t>(static_cast<int64_t>(v));
}

const Table* Program::FindTable(std::string_view name) const {
  auto it = tables.find(name);
  return it == tables.end() ? nullptr : &it->second;
}

const Entry* Program::EntryAt(uint64_t addr) const {
  if (!executable) return nullptr;
  for (const auto& kv : tables) {
    const Table& t = kv.second;
    if (t.entry_size == 0 || addr < t.begin || addr >= t.end || (addr - t.begin) % t.entry_size != 0) continue;
    const uint64_t i = (addr - t.begin) / t.entry_size;
    if (i < t.entries.size()) return &t.entries[i];
  }
  return nullptr;
}

namespace {

// A record and the object it came from.
struct Owned {
  const ElfObject* object;
  const Record* record;
};

bool CheckInputs(Program* p, std::string* error) {
  if (p->objects.empty()) {
    *error = (p->files.empty() ? std::string("input") : p->files[0]) + ": no ELF objects in the input";
    return false;
  }
  for (const auto& o : p->objects) {
    if (o.relocatable()) continue;
    p->executable = true;
    if (p->objects.size() != 1) {
      *error = o.origin + ": an executable must be audited alone, not together with other inputs";
      return false;
    }
  }
  p->elf_class = p->objects[0].elf_class;
  return true;
}

// Every record of every object, into p->records.
bool ReadRecords(Program* p, std::vector<Owned>* owned, std::string* error) {
  bool any_meta = false;
  const size_t first = p->records.size();
  std::vector<const ElfObject*> from;  // the object of each section's records
  for (const auto& o : p->objects)
    for (const auto& s : o.sections) {
      if (s.name != kMetaSection) continue;
      any_meta = true;
      std::string_view bytes = o.Bytes(s);
      if (o.relocatable() && o.machine == EM_RISCV) {  // the records view the patched copy
        p->patched.emplace_back(bytes);
        ApplyRiscvLabelDifferences(o, static_cast<size_t>(&s - o.sections.data()), &p->patched.back());
        bytes = p->patched.back();
      }
      auto parsed = linktable_meta::ParseViews(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      if (!parsed.ok()) {
        *error = o.origin + ": section " + kMetaSection + " (file offset " + Hex(s.offset) + "): " + parsed.error;
        return false;
      }
      p->records.push_back(std::move(parsed.records));
      from.push_back(&o);
    }
  size_t n = 0;  // reserved at once: no doubling (133,000 records)
  for (const auto& rs : p->records) n += rs.size();
  owned->reserve(owned->size() + n);
  for (size_t i = 0; i < from.size(); ++i)
    for (const auto& r : p->records[first + i]) {
      if (r.kind == linktable_meta::Kind::kNote) p->notes.push_back(&r);
      else owned->push_back({from[i], &r});
    }
  if (!any_meta)
    *error = p->objects[0].origin + (p->objects.size() > 1 ? " (and the other inputs)" : "") + ": no " +
             kMetaSection + " section: not built with linker tables, or the section was removed";
  return any_meta;
}

void ReadTableRecords(Program* p, const std::vector<Owned>& owned) {
  for (const auto& ow : owned) {
    const Record* r = ow.record;
    if (r->kind != linktable_meta::Kind::kTable) continue;
    Table& t = p->tables[Str(r->table)];
    t.name = Str(r->table);
    if (t.record) {
      AddProblem(p, FindingKind::kDuplicateTable,
                 Where(r) + "table " + Str(r->table) + " is defined twice (also at " + Str(t.record->file) + ":" +
                     std::to_string(t.record->line) + ")",
                 r, r->table, "");
      continue;
    }
    t.record = r;
    t.entry_size = r->entry_size;
    t.begin = r->addr;
    t.end = r->addr2;
  }
}

// "" when the table's markers bound whole entries, else why not.
std::string CheckMarkers(const Table& t) {
  if (t.entry_size == 0 || t.entry_size % 4 != 0 || t.entry_size > 4096)
    return "absurd entry size " + std::to_string(t.entry_size);
  if (t.end < t.begin || (t.end - t.begin) / t.entry_size > kMaxEntriesPerTable)
    return "markers " + Hex(t.begin) + ".." + Hex(t.end) + " are not an ascending range of at most " +
           std::to_string(kMaxEntriesPerTable) + " entries";
  if ((t.end - t.begin) % t.entry_size != 0)
    return "markers " + Hex(t.begin) + ".." + Hex(t.end) + " do not bound a whole number of " +
           std::to_string(t.entry_size) + "-byte entries";
  return "";
}

// Executables: a table's entries are the allocated bytes between its markers.
bool ReadTableEntries(const ElfObject& o, Table& t, std::string* error) {
  std::string_view bytes;
  std::string bad = CheckMarkers(t);
  if (bad.empty() && !o.ReadAt(t.begin, t.end - t.begin, &bytes))
    bad = "its entries at " + Hex(t.begin) + ".." + Hex(t.end) + " are not in the file's loaded sections";
  if (!bad.empty()) {
    *error = o.origin + ": table " + t.name + " (record at offset " + Hex(t.record->offset) + " of " +
             kMetaSection + "): " + bad;
    return false;
  }
  const uint64_t n = (t.end - t.begin) / t.entry_size;
  t.entries.resize(n);
  for (uint64_t i = 0; i < n; ++i) {
    Entry& e = t.entries[i];
    e.table = t.name;
    e.object = &o;
    e.offset = i * t.entry_size;
    e.addr = t.begin + e.offset;
    e.bytes = bytes.substr(e.offset, t.entry_size);
  }
  return true;
}

// Executables: an entry record joined with the entry at its address;
// *it is the record's table (or end), the caller's look-up.
void JoinAtAddress(Program* p, const Record* r, std::map<std::string, Table, std::less<>>::iterator it) {
  auto entry = [&] { return Where(r) + "entry " + Str(r->table) + "." + Str(r->name); };  // when reported
  if (it == p->tables.end()) {
    AddProblem(p, FindingKind::kRecordWithoutEntry,
               entry() + " has a record but its table " + Str(r->table) +
                   " is not defined in this program (no table record, no markers)",
               r, r->table, r->name);
    return;
  }
  Table& t = it->second;
  if (!(r->addr >= t.begin && r->addr < t.end && (r->addr - t.begin) % t.entry_size == 0)) {
    AddProblem(p, FindingKind::kRecordWithoutEntry,
               entry() + " has a record but no entry in table " + Str(r->table) +
                   " (its address is not between the table's markers)",
               r, r->table, r->name);
    return;
  }
  if (r->entry_size != t.entry_size)
    AddProblem(p, FindingKind::kEntrySizeMismatch,
               entry() + " is " + std::to_string(r->entry_size) + " bytes, table " + Str(r->table) + " has " +
                   std::to_string(t.entry_size) + "-byte entries",
               r, r->table, r->name);
  Entry& e = t.entries[(r->addr - t.begin) / t.entry_size];
  if (e.record) {
    AddProblem(p, FindingKind::kDuplicateRecord,
               Where(r) + "entry at offset " + Hex(e.offset) + " of table " + Str(r->table) + " has two records: " +
                   Str(e.record->name) + " and " + Str(r->name),
               r, r->table, r->name);
    return;
  }
  e.record = r;
  e.key = r->key;
  e.name = r->name;
}

bool BuildExecutable(Program* p, const std::vector<Owned>& owned, std::string* error) {
  for (auto& kv : p->tables)
    if (!ReadTableEntries(p->objects[0], kv.second, error)) return false;
  auto table = p->tables.end();  // the last record's: records come grouped by table
  for (const auto& ow : owned) {
    const Record* r = ow.record;
    if (r->kind != linktable_meta::Kind::kEntry) continue;
    if (table == p->tables.end() || table->first != r->table) table = p->tables.find(r->table);
    JoinAtAddress(p, r, table);
  }
  for (const auto& kv : p->tables)
    for (const auto& e : kv.second.entries)
      if (!e.record)
        AddProblem(p, FindingKind::kEntryWithoutRecord,
                   "entry at offset " + Hex(e.offset) + " of table " + kv.first + " has no metadata record",
                   nullptr, kv.first, "");
  return true;
}

// Objects: one entry section, its words and the symbols relocations name.
Entry SectionEntry(const ElfObject& o, const Section& s, std::string_view table, std::string_view key,
                   std::string_view name) {
  Entry e;
  e.table = table;
  e.key = key;
  e.name = name;
  e.object = &o;
  const std::string_view bytes = o.Bytes(s);
  e.bytes = bytes.substr(0, bytes.size() / 4 * 4);
  e.relocs.reset(new Entry::Relocs);
  e.relocs->symbols.assign(e.WordCount(), "");
  e.relocs->addends.assign(e.WordCount(), 0);
  for (const auto& r : o.RelocsFor(s.index)) {
    if (r.offset % 4 != 0 || r.offset / 4 >= e.WordCount()) continue;
    e.relocs->symbols[r.offset / 4] = RelocSymbol(o, r);
    e.relocs->addends[r.offset / 4] = r.addend;
  }
  return e;
}

struct Found {
  std::string_view section;
  Entry entry;
};

// Objects and archives: entries are the entry sections; a section two
// inputs define is a duplicate the link would refuse.
std::map<std::string_view, std::vector<Found>> EntrySections(Program* p) {
  std::map<std::string_view, std::vector<Found>> by_table;
  std::map<std::string_view, std::string_view> first_origin;  // section name -> origin
  for (const auto& o : p->objects)
    for (const auto& s : o.sections) {
      std::string_view table, key, name;
      if (!(s.flags & SHF_ALLOC) || !SplitEntrySection(s.name, &table, &key, &name)) continue;
      if (first_origin.count(s.name)) {
        AddProblem(p, FindingKind::kDuplicateEntry,
                   o.origin + ": entry " + Str(table) + "." + Str(name) + " (section " + s.name + ") is also in " +
                       Str(first_origin[s.name]),
                   nullptr, table, name);
        continue;
      }
      first_origin[s.name] = o.origin;
      by_table[table].push_back({s.name, SectionEntry(o, s, table, key, name)});
    }
  return by_table;
}

// Objects: each entry record joined with its section.
void JoinBySection(Program* p, const std::vector<Owned>& owned,
                   const std::unordered_map<std::string, Entry*>& by_section) {
  std::unordered_set<std::string> seen_records;
  for (const auto& ow : owned) {
    const Record* r = ow.record;
    if (r->kind != linktable_meta::Kind::kEntry) continue;
    const std::string sec = kPrefix + Str(r->table) + "." + Str(r->key) + "." + Str(r->name);
    if (!seen_records.insert(sec).second) continue;  // duplicate-entry reported above
    auto it = by_section.find(sec);
    if (it == by_section.end()) {
      AddProblem(p, FindingKind::kRecordWithoutEntry,
                 Where(r) + "entry " + Str(r->table) + "." + Str(r->name) + " has a record in " + ow.object->origin +
                     " but no section " + sec,
                 r, r->table, r->name);
      continue;
    }
    Entry& e = *it->second;
    e.record = r;
    if (r->entry_size != e.WordCount() * 4)
      AddProblem(p, FindingKind::kEntrySizeMismatch,
                 Where(r) + "entry " + Str(r->table) + "." + Str(r->name) + " is " + std::to_string(e.WordCount() * 4) +
                     " bytes, its record says " + std::to_string(r->entry_size),
                 r, r->table, r->name);
  }
}

// Objects: entries in the order the linker's SORT_BY_NAME gives them.
void BuildObjects(Program* p, const std::vector<Owned>& owned) {
  std::unordered_map<std::string, Entry*> by_section;
  for (auto& kv : EntrySections(p)) {
    auto& list = kv.second;
    std::sort(list.begin(), list.end(), [](const Found& a, const Found& b) { return a.section < b.section; });
    Table& t = p->tables[Str(kv.first)];
    t.name = Str(kv.first);
    for (auto& f : list) t.entries.push_back(std::move(f.entry));
    for (auto& e : t.entries) by_section[kPrefix + Str(e.table) + "." + Str(e.key) + "." + Str(e.name)] = &e;
  }
  JoinBySection(p, owned, by_section);
  for (auto& kv : p->tables) {
    Table& t = kv.second;
    for (const auto& e : t.entries) {
      if (!t.record && t.entry_size == 0 && e.record) t.entry_size = e.record->entry_size;
      if (e.record) continue;
      AddProblem(p, FindingKind::kEntryWithoutRecord,
                 e.object->origin + ": entry " + Str(e.table) + "." + Str(e.name) + " (section " + kPrefix +
                     Str(e.table) + "." + Str(e.key) + "." + Str(e.name) + ") has no metadata record",
                 nullptr, e.table, e.name);
    }
  }
}

}  // namespace

bool BuildProgram(Program* p, std::string* error) {
  std::vector<Owned> owned;
  if (!CheckInputs(p, error) || !ReadRecords(p, &owned, error)) return false;
  ReadTableRecords(p, owned);
  if (p->executable) return BuildExecutable(p, owned, error);
  BuildObjects(p, owned);
  return true;
}

bool LoadProgram(const std::vector<std::string>& files, Program* p, std::string* error) {
  p->files = files;
  for (const auto& f : files)
    if (!LoadFile(f, &p->objects, error)) return false;
  return BuildProgram(p, error);
}

std::string Where(const Record* r) {
  if (!r) return "";
  return Str(r->file) + ":" + std::to_string(r->line) + ": ";
}

void AddRecordFinding(std::vector<Finding>* v, FindingKind kind, const std::string& message,
                      const Record* r, std::string_view table, std::string_view name) {
  AddFinding(v, kind, message,
             FindingAbout{r ? r->file : std::string_view(), r ? r->line : 0, "", "", table, name});
}

}  // namespace audit
