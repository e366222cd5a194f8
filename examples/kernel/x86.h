// x86.h: the handful of privileged instructions the kernel uses, as inline
// functions (no libc, no SSE).
#ifndef EXAMPLES_KERNEL_X86_H
#define EXAMPLES_KERNEL_X86_H

#include <stdint.h>

namespace x86 {

// Control register bits the kernel looks at.
constexpr uint64_t kCr4Pae = 1u << 5;
constexpr uint64_t kCr4Pge = 1u << 7;

// Page table entry bits.
constexpr uint64_t kPtePresent = 1u << 0;
constexpr uint64_t kPteWrite = 1u << 1;
constexpr uint64_t kPteAddrMask = 0x000ffffffffff000ull;

inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
inline uint8_t inb(uint16_t port) {
  uint8_t v;
  __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
  return v;
}

inline uint64_t read_cr2() {
  uint64_t v;
  __asm__ volatile("mov %%cr2, %0" : "=r"(v));
  return v;
}
inline uint64_t read_cr3() {
  uint64_t v;
  __asm__ volatile("mov %%cr3, %0" : "=r"(v));
  return v;
}
inline uint64_t read_cr4() {
  uint64_t v;
  __asm__ volatile("mov %%cr4, %0" : "=r"(v));
  return v;
}
inline void write_cr4(uint64_t v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }

inline uint64_t rdtsc() {
  uint32_t lo, hi;
  __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return (uint64_t)hi << 32 | lo;
}

struct Cpuid {
  uint32_t eax, ebx, ecx, edx;
};
inline Cpuid cpuid(uint32_t leaf) {
  Cpuid r;
  __asm__ volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(0));
  return r;
}

// The operand of lidt / sidt.
struct __attribute__((packed)) DescriptorTablePointer {
  uint16_t limit;
  uint64_t base;
};
inline void lidt(const DescriptorTablePointer& p) { __asm__ volatile("lidt %0" : : "m"(p)); }
inline DescriptorTablePointer sidt() {
  DescriptorTablePointer p;
  __asm__ volatile("sidt %0" : "=m"(p));
  return p;
}

[[noreturn]] inline void halt_forever() {
  for (;;) __asm__ volatile("cli; hlt");
}

}  // namespace x86

#endif  // EXAMPLES_KERNEL_X86_H
