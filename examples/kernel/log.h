// log.h: the kernel log. Text goes to a buffer until the console step
// brings up the serial port, which then replays it and takes every later
// line directly (as printk's log buffer and console registration do). A
// fatal path that comes before the console forces it up (klog::emergency).
//
//   kout() << "e820: " << hex(addr) << " " << n << " entries";
//
// One kout() expression is one line: the newline is written when the
// temporary ends.
#ifndef EXAMPLES_KERNEL_LOG_H
#define EXAMPLES_KERNEL_LOG_H

#include <stddef.h>
#include <stdint.h>

namespace klog {

// Appends n bytes to the log.
void write(const char* s, size_t n);

// The console step: the serial port is up; replay what was logged before.
void console_started();

// Whether the console step has run.
bool console_up();

// For fatal paths: bring the serial port up now if the console step has
// not run, and write out what is pending.
void emergency();

}  // namespace klog

// A number printed in hexadecimal with "0x", zero-padded to `digits`.
struct Hex {
  uint64_t value;
  int digits;
};
inline Hex hex(uint64_t v, int digits = 0) { return Hex{v, digits}; }

// A string of known length (need not be NUL-terminated).
struct Bytes {
  const char* p;
  size_t n;
};

// One line of the log; see the header comment.
class LogLine {
 public:
  LogLine() = default;
  LogLine(const LogLine&) = delete;
  LogLine& operator=(const LogLine&) = delete;
  ~LogLine() { klog::write("\n", 1); }

  LogLine& operator<<(const char* s);
  LogLine& operator<<(Bytes b);
  LogLine& operator<<(char c);
  LogLine& operator<<(Hex h);
  LogLine& operator<<(unsigned long long v);
  LogLine& operator<<(long long v);
  LogLine& operator<<(unsigned long v) { return *this << static_cast<unsigned long long>(v); }
  LogLine& operator<<(long v) { return *this << static_cast<long long>(v); }
  LogLine& operator<<(unsigned v) { return *this << static_cast<unsigned long long>(v); }
  LogLine& operator<<(int v) { return *this << static_cast<long long>(v); }
};

// Guaranteed copy elision (C++17): the line ends where the expression does.
inline LogLine kout() { return LogLine(); }

#endif  // EXAMPLES_KERNEL_LOG_H
