/*
 * bootproto/mem.h: the bounded accessor through which converters read
 * loader memory.
 *
 * A boot loader hands the kernel physical addresses (of its info structure,
 * of a memory map, of a command line). None of them is trusted: the
 * converters in bootproto/convert.h never dereference one directly, they
 * ask a bootproto_mem to copy the bytes out, and the accessor refuses any
 * byte outside the memory it was given. A refused read becomes an error
 * status, never undefined behaviour.
 *
 * Two ready-made accessors:
 *  - bootproto_mem_buffer(): a buffer standing for physical memory
 *    [paddr, paddr + size) (tests, fuzzers, a kernel that has copied the
 *    loader's data);
 *  - bootproto_mem_identity(): identity-mapped physical memory [lo, hi)
 *    (a kernel before paging, or with an identity map).
 * A kernel with another mapping supplies its own `read` function.
 *
 * Freestanding: <stdint.h> and <stddef.h> only, no libc call, no heap.
 *
 * @code
 *   static unsigned char ram[0x2000];
 *   bootproto_mem m = bootproto_mem_buffer(ram, 0x9000, sizeof ram);
 *   uint32_t magic;
 *   if (bootproto_mem_read(&m, 0x9000, &magic, sizeof magic) != 0)
 *     return -1;   // not in [0x9000, 0xb000)
 * @endcode
 */
#ifndef BOOTPROTO_MEM_H
#define BOOTPROTO_MEM_H

#include "linktable/types.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bootproto_mem bootproto_mem;

/**
 * A window onto physical memory.
 *
 * @code
 *   // A custom accessor: physical memory mapped at a fixed offset.
 *   static int read_direct_map(const bootproto_mem *m, uint64_t pa,
 *                              void *dst, size_t len) {
 *     if (!bootproto_mem_contains(m, pa, len)) return -1;
 *     bootproto_copy(dst, (const char *)m->base + (pa - m->paddr), len);
 *     return 0;
 *   }
 *   bootproto_mem m = { read_direct_map, (const void *)0xffff888000000000,
 *                       0, 1ull << 32 };
 * @endcode
 */
struct bootproto_mem {
  /** Copies len bytes from physical address paddr into dst. Returns 0, or
      -1 if any byte of [paddr, paddr+len) is outside the accessible memory
      (overflow-safe). */
  int (*read)(const bootproto_mem *mem, uint64_t paddr, void *dst, size_t len);
  const void *base; /**< buffer / mapping base */
  uint64_t paddr;   /**< physical address of base */
  uint64_t size;    /**< bytes accessible from paddr */
};

/**
 * Copies n bytes. A plain byte loop, kept opaque to the optimiser so that
 * neither GCC nor Clang turns it into a call to memcpy, which a
 * freestanding kernel may not have.
 *
 * @code
 *   bootproto_copy(&entry, raw, sizeof entry);
 * @endcode
 */
static inline void bootproto_copy(void *dst, const void *src, size_t n) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  size_t i;
  for (i = 0; i < n; i++) {
    d[i] = s[i];
    __asm__ volatile("" : : "r"(d) : "memory");
  }
}

/**
 * Sets n bytes to zero, without a call to memset (see bootproto_copy).
 *
 * @code
 *   bootproto_zero(&bp, sizeof bp);
 * @endcode
 */
static inline void bootproto_zero(void *dst, size_t n) {
  unsigned char *d = (unsigned char *)dst;
  size_t i;
  for (i = 0; i < n; i++) {
    d[i] = 0;
    __asm__ volatile("" : : "r"(d) : "memory");
  }
}

/**
 * Non-zero if every byte of [paddr, paddr + len) lies in the window
 * [mem->paddr, mem->paddr + mem->size). Overflow-safe: no sum is formed
 * that could wrap. A zero-length range is contained if paddr is inside the
 * window or at its end.
 *
 * @code
 *   if (!bootproto_mem_contains(m, pa, len)) return -1;
 * @endcode
 */
static inline int bootproto_mem_contains(const bootproto_mem *mem,
                                         uint64_t paddr, uint64_t len) {
  uint64_t off;
  if (paddr < mem->paddr) return 0;
  off = paddr - mem->paddr;
  if (off > mem->size) return 0;
  return len <= mem->size - off;
}

/** The `read` of the two ready-made accessors: a bounds check, then a copy
    from base + (paddr - mem->paddr). */
static inline int bootproto_mem_read_window(const bootproto_mem *mem,
                                            uint64_t paddr, void *dst,
                                            size_t len) {
  uintptr_t src;
  if (!bootproto_mem_contains(mem, paddr, (uint64_t)len)) return -1;
  /* Integer arithmetic, then one conversion: base may be 0 (identity map
     from physical address 0), and pointer arithmetic on a null pointer is
     undefined. */
  src = (uintptr_t)mem->base + (uintptr_t)(paddr - mem->paddr);
  bootproto_copy(dst, (const void *)src, len);
  return 0;
}

/**
 * An accessor over a buffer that stands for physical memory
 * [paddr, paddr + size). If paddr + size would pass 2^64, the window is
 * cut at 2^64 - 1.
 *
 * @code
 *   unsigned char image[4096];          // filled by a test
 *   bootproto_mem m = bootproto_mem_buffer(image, 0x8000, sizeof image);
 * @endcode
 */
static inline bootproto_mem bootproto_mem_buffer(const void *buf,
                                                 uint64_t paddr,
                                                 uint64_t size) {
  bootproto_mem m;
  m.read = bootproto_mem_read_window;
  m.base = buf;
  m.paddr = paddr;
  m.size = size <= UINT64_MAX - paddr ? size : UINT64_MAX - paddr;
  if (buf == NULL) m.size = 0;
  return m;
}

/**
 * An accessor over identity-mapped physical memory [lo, hi): physical
 * address p is read at virtual address p. An empty window if hi <= lo. On
 * a 32-bit build the window is cut at 4 GiB (nothing above is mapped).
 *
 * @code
 *   // PVH entry, paging off: all of the first 4 GiB is addressable.
 *   bootproto_mem m = bootproto_mem_identity(0, 1ull << 32);
 * @endcode
 */
static inline bootproto_mem bootproto_mem_identity(uint64_t lo, uint64_t hi) {
  bootproto_mem m;
  uint64_t limit = (uint64_t)UINTPTR_MAX;
  if (hi > limit && limit != UINT64_MAX) hi = limit + 1;
  m.read = bootproto_mem_read_window;
  m.base = (const void *)(uintptr_t)lo;
  m.paddr = lo;
  m.size = hi > lo ? hi - lo : 0;
  return m;
}

/**
 * Reads len bytes at physical address paddr through mem into dst. Returns
 * 0, or -1 if mem is NULL, has no read function, or refuses the range.
 *
 * @code
 *   struct bootproto_hvm_start_info si;
 *   if (bootproto_mem_read(m, ebx, &si, 40) != 0) return BOOTPROTO_ERR_INFO_UNREADABLE;
 * @endcode
 */
static inline int bootproto_mem_read(const bootproto_mem *mem, uint64_t paddr,
                                     void *dst, size_t len) {
  if (mem == NULL || mem->read == NULL || (dst == NULL && len != 0)) return -1;
  return mem->read(mem, paddr, dst, len) == 0 ? 0 : -1;
}

#ifdef __cplusplus
}
#endif

#endif /* BOOTPROTO_MEM_H */
