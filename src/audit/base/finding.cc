#include "src/audit/base/finding.h"

namespace audit {

const char* FindingName(FindingKind k) {
  switch (k) {
    case FindingKind::kMissing: return "missing";
    case FindingKind::kDuplicateImpl: return "duplicate-impl";
    case FindingKind::kImplAndExempt: return "impl-and-exempt";
    case FindingKind::kDuplicateExemption: return "duplicate-exemption";
    case FindingKind::kExemptWithoutReason: return "exempt-without-reason";
    case FindingKind::kUnknownStep: return "unknown-step";
    case FindingKind::kUnknownSubarch: return "unknown-subarch";
    case FindingKind::kUnknownDep: return "unknown-dep";
    case FindingKind::kDepCycle: return "dep-cycle";
    case FindingKind::kOrder: return "order";
    case FindingKind::kPhaseMismatch: return "phase-mismatch";
    case FindingKind::kKeyMismatch: return "key-mismatch";
    case FindingKind::kAttrMismatch: return "attr-mismatch";
    case FindingKind::kRefMismatch: return "ref-mismatch";
    case FindingKind::kRecordWithoutEntry: return "record-without-entry";
    case FindingKind::kEntryWithoutRecord: return "entry-without-record";
    case FindingKind::kDuplicateEntry: return "duplicate-entry";
    case FindingKind::kDuplicateRecord: return "duplicate-record";
    case FindingKind::kDuplicateTable: return "duplicate-table";
    case FindingKind::kDuplicateStep: return "duplicate-step";
    case FindingKind::kDuplicateSubarch: return "duplicate-subarch";
    case FindingKind::kEntrySizeMismatch: return "entry-size-mismatch";
    case FindingKind::kMalformedRecord: return "malformed-record";
    case FindingKind::kUnknownPhase: return "unknown-phase";
    case FindingKind::kNoPhaseRecords: return "no-phase-records";
    case FindingKind::kKasanBeforeEarlyInit: return "kasan-before-early-init";
  }
  return "?";
}

bool IsUnreadable(FindingKind k) {
  return k == FindingKind::kMalformedRecord || k == FindingKind::kUnknownPhase ||
         k == FindingKind::kNoPhaseRecords;
}

}  // namespace audit
