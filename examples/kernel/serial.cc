// The 16550 UART, polled. Registers are offsets from the base port.
#include "examples/kernel/serial.h"

#include "examples/kernel/x86.h"

namespace serial {
namespace {

constexpr uint16_t kData = 0, kIer = 1, kFcr = 2, kLcr = 3, kMcr = 4, kLsr = 5;
constexpr uint8_t kLcrDlab = 0x80, kLcr8n1 = 0x03;
constexpr uint8_t kMcrDtrRtsOut2 = 0x0b, kMcrLoop = 0x10;
constexpr uint8_t kLsrThre = 0x20, kLsrDataReady = 0x01;
constexpr uint16_t kDivisor115200 = 1;  // 1843200 Hz / 16 / 115200

void put(uint16_t port, char c) {
  // Bounded wait: a wedged UART must not hang the kernel.
  for (int i = 0; i < 100000 && !(x86::inb(port + kLsr) & kLsrThre); ++i) {
  }
  x86::outb(port + kData, static_cast<uint8_t>(c));
}

}  // namespace

bool init(uint16_t port) {
  x86::outb(port + kIer, 0);  // polled: no interrupts
  x86::outb(port + kLcr, kLcrDlab);
  x86::outb(port + kData, kDivisor115200 & 0xff);
  x86::outb(port + kIer, kDivisor115200 >> 8);
  x86::outb(port + kLcr, kLcr8n1);
  x86::outb(port + kFcr, 0x07);  // enable and clear the FIFOs
  // Loopback: a byte written must come back, or there is no UART here.
  x86::outb(port + kMcr, kMcrLoop | kMcrDtrRtsOut2);
  // Drain the receiver, bounded: a port with no UART reads 0xff, which
  // looks like "data ready" forever.
  for (int i = 0; i < 64 && (x86::inb(port + kLsr) & kLsrDataReady); ++i) x86::inb(port + kData);
  x86::outb(port + kData, 0xa5);
  bool ok = false;
  for (int i = 0; i < 1000 && !ok; ++i) ok = x86::inb(port + kLsr) & kLsrDataReady;
  ok = ok && x86::inb(port + kData) == 0xa5;
  x86::outb(port + kMcr, kMcrDtrRtsOut2);
  return ok;
}

void write(uint16_t port, const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == '\n') put(port, '\r');
    put(port, s[i]);
  }
}

}  // namespace serial
