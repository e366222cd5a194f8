// earlyinit-audit paths, the parse layer: the calls a function makes, read
// from DWARF 4 or 5 with elfutils' libdw. Direct calls are DW_TAG_call_site
// (DWARF 5) or DW_TAG_GNU_call_site (DWARF 4); inlined calls are
// DW_TAG_inlined_subroutine, with their own calls inside. Only the
// compilation units of the functions asked for are read (.debug_aranges),
// so a distribution vmlinux costs what its walk touches.
#ifndef EARLYINIT_SRC_AUDIT_DWARF_DWARF_CALLS_H
#define EARLYINIT_SRC_AUDIT_DWARF_DWARF_CALLS_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace audit {

enum class CallKind { kCall, kTailCall, kInline, kIndirect };
const char* CallKindName(CallKind k);  // "call", "tail", "inline", "indirect"

struct CallEvent {
  CallKind kind = CallKind::kCall;
  uint64_t site = 0;         // the call instruction, else the return address; inline: entry
  bool after_site = false;   // site is the return address (the call was not decoded)
  std::string callee;        // "" for an indirect call
  uint64_t callee_addr = 0;  // its out-of-line code; 0: none known (inline, undefined)
  std::string through;       // kIndirect: the pointer or trampoline, if known
  std::vector<CallEvent> inlined;  // kInline: the calls of the inlined body
};

struct FunctionCalls {
  std::string name;
  uint64_t addr = 0;
  std::vector<CallEvent> calls;  // in address order, inlined bodies nested
};

class DwarfCalls {
 public:
  enum class OpenError { kNone, kNotElf, kNoDwarf, kCorrupt };
  // Opens a file, or bytes in memory (the fuzz target). On failure returns
  // nullptr and sets *error (one line) and *why.
  static std::unique_ptr<DwarfCalls> OpenFile(const std::string& path, std::string* error,
                                              OpenError* why);
  static std::unique_ptr<DwarfCalls> OpenMemory(std::string bytes, std::string* error,
                                                OpenError* why);
  ~DwarfCalls();
  DwarfCalls(const DwarfCalls&) = delete;
  DwarfCalls& operator=(const DwarfCalls&) = delete;

  // The address of a function symbol of .symtab; false if none.
  bool SymbolAddress(std::string_view name, uint64_t* addr) const;
  // Whether the file has a section of this name.
  bool HasSection(const char* name) const;
  // "function+0x1c" for an address inside a known function, else "0x...".
  std::string Where(uint64_t addr) const;
  // The calls of the function whose code starts at addr; nullptr when
  // DWARF does not describe one there. Read once, then kept.
  const FunctionCalls* CallsAt(uint64_t addr);
  // The first damage met in the DWARF while reading ("" if none): the
  // command reports it and exits 2 rather than showing a partial tree.
  const std::string& damage() const { return damage_; }

  struct Impl;  // libdw's handles and the indexes (dwarf_calls.cc)

 private:
  explicit DwarfCalls(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::string damage_;
  std::map<uint64_t, std::unique_ptr<FunctionCalls>> cache_;
};

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_DWARF_DWARF_CALLS_H
