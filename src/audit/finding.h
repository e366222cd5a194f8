// earlyinit-audit: one finding about the inputs (not a usage error), from
// the program's consistency checks, the model's schema checks and `check`'s
// rules alike. Its kind is an enum; FindingName is the stable identifier
// the output shows (docs/audit.md, "check").
#ifndef EARLYINIT_SRC_AUDIT_FINDING_H
#define EARLYINIT_SRC_AUDIT_FINDING_H

#include <cstdint>
#include <string>

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
  kKasanBeforeEarlyInit,  // paths: a KASAN runtime call before kasan_early_init
};

// "missing", "duplicate-impl", ...
const char* FindingName(FindingKind k);

struct Finding {
  FindingKind kind = FindingKind::kMalformedRecord;
  std::string message;  // one line, no trailing newline
  std::string file;     // source file of the record involved, if any
  uint32_t line = 0;
  std::string step, subarch;  // the pair involved, if any
  std::string table, name;    // the table entry involved, if any
};

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_FINDING_H
