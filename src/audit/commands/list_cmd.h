// earlyinit-audit list [--subarch S]: each subarch's chain in run order.
// ComputeList (list_cmd.cc) makes the result; the renderers
// (report/list_report.h) only format it.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_LIST_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_LIST_CMD_H

#include <string>
#include <vector>

#include "src/audit/tables/model.h"
#include "src/audit/tables/program.h"
#include "src/audit/tables/sequences.h"

namespace audit {

struct ListResult {
  std::vector<ShownSubarch> subarchs;
  std::vector<std::vector<RunItem>> sequences;  // one per subarch
};
// Empty `only`: every subarch; else that one (none when unknown: the tool
// says so first, with UnknownSubarch).
ListResult ComputeList(const Model& m, const std::string& only);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_LIST_CMD_H
