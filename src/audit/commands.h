// earlyinit-audit's commands over the model: each computes a result, then a
// text or JSON renderer prints it (trace is in trace_cmd.h). Also what the
// commands share: the subarchs to show, run sequences, the JSON header.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_H

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "src/audit/finding.h"
#include "src/audit/json.h"
#include "src/audit/model.h"
#include "src/audit/program.h"
#include "src/audit/vocabulary.h"

namespace audit {

// ---- shared ----------------------------------------------------------------

// Enabled subarchs in id order, then subarchs that only have chains or
// exemptions (not enabled), by name.
struct ShownSubarch {
  std::string name, label;
  int64_t id = -1;
  bool enabled = false;
};
std::vector<ShownSubarch> AllSubarchs(const Model& m);
// "unknown subarch S (known: a, b)" when name is not among them, else "".
std::string UnknownSubarch(const std::vector<ShownSubarch>& subs, const std::string& name);

// A subarch's run sequence: its chains in phase order.
struct RunItem {
  const Chain* chain;
  const Impl* impl;
};
std::vector<RunItem> RunSequence(const Model& m, const std::string& subarch);

// Level and order of an implementation: from its key, else its step.
void LevelOrder(const Model& m, const Impl& im, int* level, int* order);

bool IsBlank(const std::string& reason);        // no reason written
std::string Source(std::string_view file, uint32_t line);  // "file:line" or "?"
void SourceInto(std::string_view file, uint32_t line, std::string* out);  // the same, into *out
std::string Pad(int v, size_t width);           // zero-padded, "??" when < 0
// The sizes of Source's and Pad's strings, without making them.
size_t SourceWidth(std::string_view file, uint32_t line);
size_t PadWidth(int v, size_t width);
// Opens the document's object and writes the fields every command's JSON
// starts with; the caller adds its own and closes it.
void Header(JsonWriter& w, const char* command, const Program& p);

// ---- list ------------------------------------------------------------------

struct ListResult {
  std::vector<ShownSubarch> subarchs;
  std::vector<std::vector<RunItem>> sequences;  // one per subarch
};
// Empty `only`: every subarch. Returns "" or the error (unknown subarch).
std::string ComputeList(const Model& m, const std::string& only, ListResult* r);
void RenderListText(const Model& m, const ListResult& r, std::ostream& out);
void RenderListJson(const Program& p, const Model& m, const ListResult& r, std::ostream& out);

// ---- matrix ----------------------------------------------------------------

enum class CellStatus { kImplemented, kExempt, kMissing, kDuplicate, kUndeclared };

struct MatrixCell {
  CellStatus status = CellStatus::kMissing;
  std::vector<const Impl*> impls;
  std::vector<const Exemption*> exemptions;
  std::vector<size_t> notes;  // footnote numbers of the exemptions
};

struct MatrixRow {
  std::string_view name;  // the model's
  const Step* step = nullptr;  // null: undeclared
  std::vector<MatrixCell> cells;  // one per enabled subarch
};

struct MatrixResult {
  std::vector<MatrixRow> rows;  // declared steps in run order, then undeclared
  std::vector<const Exemption*> notes;  // footnotes, in order of appearance
  size_t implemented = 0, exempt = 0, missing = 0, duplicate = 0, reasonless = 0, undeclared = 0;
  bool ok = true;
};
MatrixResult ComputeMatrix(const Model& m);
void RenderMatrixText(const Model& m, const MatrixResult& r, bool colour, std::ostream& out);
void RenderMatrixJson(const Program& p, const Model& m, const MatrixResult& r, std::ostream& out);

// ---- diff ------------------------------------------------------------------

enum class OtherStatus { kMissing, kExempt, kExemptWithoutReason };

struct DiffOnly {
  RunItem item;
  OtherStatus other;
  std::string reason;  // kExempt
};
struct DiffFunction {
  std::string step, phase, function_a, function_b;
};
struct DiffMoved {
  std::string step, after_a, after_b;  // "": first
};
struct DiffResult {
  std::string a, b;
  size_t steps_a = 0, steps_b = 0;
  std::vector<DiffOnly> only_a, only_b;
  std::vector<DiffFunction> functions;
  std::vector<DiffMoved> moved;
  bool same = true;
};
// Returns "" or the error (unknown subarch).
std::string ComputeDiff(const Model& m, const std::string& a, const std::string& b, DiffResult* r);
void RenderDiffText(const DiffResult& r, std::ostream& out);
void RenderDiffJson(const Program& p, const DiffResult& r, std::ostream& out);

// ---- check -----------------------------------------------------------------

struct CheckResult {
  std::vector<Finding> findings;
  size_t subarchs = 0, steps = 0, implementations = 0, exemptions = 0;
};
CheckResult ComputeCheck(const Program& p, const Model& m);
// Every finding of a loaded program, in a stable order (check's rules).
std::vector<Finding> Check(const Program& program, const Model& model);
void FindCycles(const Model& m, std::vector<Finding>* out);  // cycles.cc
void RenderCheckText(const CheckResult& r, std::ostream& out);
void RenderCheckJson(const Program& p, const CheckResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_H
