// memcpy, memmove, memset, memcmp: GCC and Clang may emit calls to these
// even in freestanding code (struct copies, zeroed arrays), so a kernel
// provides them. The loops are kept opaque (bootproto_copy/_zero) so the
// compiler does not turn them back into calls to themselves.
#include <stddef.h>

#include "bootproto/mem.h"

extern "C" {

void* memcpy(void* dst, const void* src, size_t n) {
  bootproto_copy(dst, src, n);
  return dst;
}

void* memmove(void* dst, const void* src, size_t n) {
  unsigned char* d = static_cast<unsigned char*>(dst);
  const unsigned char* s = static_cast<const unsigned char*>(src);
  if (d <= s || d >= s + n) {
    bootproto_copy(dst, src, n);
  } else {
    while (n--) {
      d[n] = s[n];
      __asm__ volatile("" : : "r"(d) : "memory");
    }
  }
  return dst;
}

void* memset(void* dst, int c, size_t n) {
  unsigned char* d = static_cast<unsigned char*>(dst);
  if (c == 0) {
    bootproto_zero(dst, n);
    return dst;
  }
  for (size_t i = 0; i < n; ++i) {
    d[i] = static_cast<unsigned char>(c);
    __asm__ volatile("" : : "r"(d) : "memory");
  }
  return dst;
}

int memcmp(const void* a, const void* b, size_t n) {
  const unsigned char* x = static_cast<const unsigned char*>(a);
  const unsigned char* y = static_cast<const unsigned char*>(b);
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

}  // extern "C"
