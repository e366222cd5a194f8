// Step early_idt: an IDT for the 32 exception vectors whose handler prints
// the fault (vector, error code, registers, CR2) on the console and exits
// QEMU with the failure code, as Linux's early_idt_handler_array reports
// faults before the real IDT exists.
#include <stdint.h>

#include "examples/kernel/error_codes.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"
#include "examples/kernel/x86.h"

namespace {

constexpr int kVectors = 32;
constexpr uint16_t kKernelCs = 0x08;    // boot32.S's 64-bit code segment
constexpr uint8_t kInterruptGate = 0x8e;  // present, DPL 0, 64-bit interrupt gate

struct __attribute__((packed)) Gate {
  uint16_t offset_low;
  uint16_t selector;
  uint8_t ist;
  uint8_t type;
  uint16_t offset_mid;
  uint32_t offset_high;
  uint32_t reserved;
};
static_assert(sizeof(Gate) == 16, "64-bit IDT gates are 16 bytes");

// What idt_stubs.S leaves on the stack, lowest address first.
struct FaultFrame {
  uint64_t r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
  uint64_t vector, error;
  uint64_t rip, cs, rflags, rsp, ss;
};

alignas(16) Gate idt[kVectors];

const char* mnemonic(uint64_t v) {
  switch (v) {
    case 0: return "#DE divide error";
    case 1: return "#DB debug";
    case 2: return "NMI";
    case 3: return "#BP breakpoint";
    case 4: return "#OF overflow";
    case 5: return "#BR bound range";
    case 6: return "#UD invalid opcode";
    case 7: return "#NM device not available";
    case 8: return "#DF double fault";
    case 10: return "#TS invalid TSS";
    case 11: return "#NP segment not present";
    case 12: return "#SS stack fault";
    case 13: return "#GP general protection";
    case 14: return "#PF page fault";
    case 16: return "#MF x87 error";
    case 17: return "#AC alignment check";
    case 18: return "#MC machine check";
    case 19: return "#XM SIMD error";
    case 20: return "#VE virtualization";
    case 21: return "#CP control protection";
    default: return "reserved vector";
  }
}

}  // namespace

extern "C" const uint64_t early_fault_stubs[kVectors];

extern "C" [[noreturn]] void early_fault(const FaultFrame* f) {
  klog::emergency();
  kout() << "early fault: " << mnemonic(f->vector) << " (vector " << f->vector << "), error "
         << hex(f->error) << " at rip " << hex(f->rip);
  if (f->vector == 14) kout() << "early fault: cr2 " << hex(x86::read_cr2());
  kout() << "early fault: rsp " << hex(f->rsp) << " rflags " << hex(f->rflags) << " cs "
         << hex(f->cs) << " rax " << hex(f->rax) << " rbx " << hex(f->rbx) << " rcx "
         << hex(f->rcx) << " rdx " << hex(f->rdx);
  kernel::die();
}

static int idt_setup_early_handler(const earlyinit_context*) {
  for (int v = 0; v < kVectors; ++v) {
    const uint64_t h = early_fault_stubs[v];
    idt[v] = Gate{static_cast<uint16_t>(h), kKernelCs, 0, kInterruptGate,
                  static_cast<uint16_t>(h >> 16), static_cast<uint32_t>(h >> 32), 0};
  }
  const x86::DescriptorTablePointer want = {sizeof idt - 1, reinterpret_cast<uintptr_t>(idt)};
  x86::lidt(want);
  const x86::DescriptorTablePointer got = x86::sidt();
  if (got.base != want.base || got.limit != want.limit) return kernel::kEIO;
  kout() << "idt: " << kVectors << " exception vectors at " << hex(got.base);
  return 0;
}
EARLYINIT_IMPL(early_idt, EARLYINIT_ALL, idt_setup_early_handler);
