// earlyinit-audit: one finding about the inputs (not a usage error), from
// the program's consistency checks, the model's schema checks and `check`'s
// rules alike. Its kind is an enum; FindingName is the stable identifier
// the output shows (docs/audit.md, "check").
#ifndef EARLYINIT_SRC_AUDIT_BASE_FINDING_H
#define EARLYINIT_SRC_AUDIT_BASE_FINDING_H

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace audit {

enum class FindingKind {
  kMissing,
  kDuplicateImpl,
  kImplAndExempt,
  kDuplicateExemption,
  kExemptWithoutReason,
  kUnknownStep,
  kUnknownSubarch,
  kUnknownDep,
  kDepCycle,
  kOrder,
  kPhaseMismatch,
  kKeyMismatch,
  kAttrMismatch,
  kRefMismatch,
  kRecordWithoutEntry,
  kEntryWithoutRecord,
  kDuplicateEntry,
  kDuplicateRecord,
  kDuplicateTable,
  kDuplicateStep,
  kDuplicateSubarch,
  kEntrySizeMismatch,
  kMalformedRecord,
  kUnknownPhase,    // a chain or step of a phase the program's phase records do not list
  kNoPhaseRecords,  // earlyinit records, but no phase list to read them with
  kKasanBeforeEarlyInit,  // paths: a KASAN runtime call before kasan_early_init
};

// "missing", "duplicate-impl", ...
const char* FindingName(FindingKind k);
// True for what the tool cannot read (a malformed record, an unknown
// phase): an error on every command, never a row left out.
bool IsUnreadable(FindingKind k);

struct Finding {
  FindingKind kind = FindingKind::kMalformedRecord;
  std::string message;  // one line, no trailing newline
  std::string file;     // source file of the record involved, if any
  uint32_t line = 0;
  std::string step, subarch;  // the pair involved, if any
  std::string table, name;    // the table entry involved, if any
};

// Appends a finding: the one way to build one. `file` and `line` are the
// source of the record involved; (step, subarch) and (table, name) what it
// is about, when known.
struct FindingAbout {
  std::string_view file;
  uint32_t line = 0;
  std::string_view step, subarch;
  std::string_view table, name;
};
inline void AddFinding(std::vector<Finding>* v, FindingKind kind, std::string message,
                       const FindingAbout& about = {}) {
  Finding x;
  x.kind = kind;
  x.message = std::move(message);
  x.file = about.file;
  x.line = about.line;
  x.step = about.step;
  x.subarch = about.subarch;
  x.table = about.table;
  x.name = about.name;
  v->push_back(std::move(x));
}

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_BASE_FINDING_H
