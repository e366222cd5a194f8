// serial.h: the 16550 UART at 0x3f8 (COM1), polled, 115200 8n1.
#ifndef EXAMPLES_KERNEL_SERIAL_H
#define EXAMPLES_KERNEL_SERIAL_H

#include <stddef.h>
#include <stdint.h>

namespace serial {

constexpr uint16_t kCom1 = 0x3f8;

// Programs the UART. Returns false if no UART answers at `port` (its
// loopback test fails), as Linux's 8250 probe does.
bool init(uint16_t port);

// Writes n bytes, "\n" as "\r\n", waiting for the transmitter each time.
void write(uint16_t port, const char* s, size_t n);

}  // namespace serial

#endif  // EXAMPLES_KERNEL_SERIAL_H
