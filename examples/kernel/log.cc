// The kernel log: a buffer until the console is up, the serial port after.
#include "examples/kernel/log.h"

#include "examples/kernel/serial.h"

namespace klog {
namespace {

// Enough for everything the entry paths print before the console step.
char pending[16384];
size_t pending_len;
size_t dropped;  // bytes that did not fit before the console came up
bool up;

void flush_pending() {
  serial::write(serial::kCom1, pending, pending_len);
  pending_len = 0;
  if (dropped) {
    LogLine() << "log: " << static_cast<unsigned long long>(dropped)
              << " bytes were dropped before the console came up";
    dropped = 0;
  }
}

}  // namespace

void write(const char* s, size_t n) {
  if (up) {
    serial::write(serial::kCom1, s, n);
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    if (pending_len < sizeof pending)
      pending[pending_len++] = s[i];
    else
      ++dropped;
  }
}

void console_started() {
  up = true;
  flush_pending();
}

bool console_up() { return up; }

void emergency() {
  if (up) return;
  serial::init(serial::kCom1);  // if there is no UART, nothing is lost
  up = true;
  flush_pending();
}

}  // namespace klog

LogLine& LogLine::operator<<(const char* s) {
  if (!s) s = "(null)";
  size_t n = 0;
  while (s[n]) ++n;
  klog::write(s, n);
  return *this;
}

LogLine& LogLine::operator<<(Bytes b) {
  klog::write(b.p, b.n);
  return *this;
}

LogLine& LogLine::operator<<(char c) {
  klog::write(&c, 1);
  return *this;
}

LogLine& LogLine::operator<<(Hex h) {
  char tmp[16];
  int i = 0;
  uint64_t v = h.value;
  do {
    tmp[i++] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v && i < 16);
  while (i < h.digits && i < 16) tmp[i++] = '0';
  klog::write("0x", 2);
  while (i) klog::write(&tmp[--i], 1);
  return *this;
}

LogLine& LogLine::operator<<(unsigned long long v) {
  char tmp[20];
  int i = 0;
  do {
    tmp[i++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (i) klog::write(&tmp[--i], 1);
  return *this;
}

LogLine& LogLine::operator<<(long long v) {
  if (v < 0) {
    klog::write("-", 1);
    return *this << (0ull - static_cast<unsigned long long>(v));
  }
  return *this << static_cast<unsigned long long>(v);
}
