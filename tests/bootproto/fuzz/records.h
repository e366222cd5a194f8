/*
 * tests/bootproto/fuzz/records.h: the input format of the bootproto fuzz
 * targets and seed corpus (also what corpus/capture/capture.S dumps from a
 * real QEMU boot): a sparse picture of physical memory.
 *
 *   repeated records { u32 paddr; u32 len; u8 data[len]; }   (little-endian)
 *
 * Record 0 is the entry state, not memory: paddr 0, len 8..20,
 * data = u32 eax, u32 ebx, [u32 options], [u32 ebx_high], [u32 mem_high]
 * (mem_high: bits 63..32 of every record's address). options:
 *   bit 0      copy the command line into a buffer (else pass the pointer)
 *   bit 1      BOOTPROTO_OPT_ISA_RESERVED
 *   bits 8-15  type_of_loader
 *   bits 16-27 command line buffer size (0: 2048) / cmdline_max
 * The other records are bytes at physical addresses; memory is the span
 * from the lowest to the highest record (at most BPTEST_MAX_SPAN bytes),
 * zero where no record says otherwise, later records win.
 *
 * Hosted C (tests and fuzzers only).
 */
#ifndef EARLYINIT_TESTS_BOOTPROTO_RECORDS_H
#define EARLYINIT_TESTS_BOOTPROTO_RECORDS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BPTEST_MAX_SPAN (1u << 20)
#define BPTEST_OPT_COPY_CMDLINE (1u << 0)
#define BPTEST_OPT_ISA (1u << 1)

struct bptest_input {
  uint32_t eax;
  uint64_t ebx;
  uint32_t options;
  uint8_t *image; /* malloc'd, size bytes (at least 1) */
  uint64_t base;  /* physical address of image[0] */
  uint64_t size;
};

static inline uint32_t bptest_le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

/* Returns 0 and fills *in (free with bptest_input_free), or -1 if the
   input is malformed or spans too much. */
static inline int bptest_input_parse(const uint8_t *d, size_t n,
                                     struct bptest_input *in) {
  size_t off = 0;
  int first = 1, have_mem = 0;
  uint64_t lo = 0, hi = 0, mem_high = 0;
  memset(in, 0, sizeof *in);
  /* Pass 1: entry record, bounds. */
  while (n - off >= 8) {
    uint32_t pa = bptest_le32(d + off), len = bptest_le32(d + off + 4);
    if (len > n - off - 8) return -1;
    if (first) {
      if (len < 8) return -1;
      in->eax = bptest_le32(d + off + 8);
      in->ebx = bptest_le32(d + off + 12);
      if (len >= 12) in->options = bptest_le32(d + off + 16);
      if (len >= 16) in->ebx |= (uint64_t)bptest_le32(d + off + 20) << 32;
      if (len >= 20) mem_high = (uint64_t)bptest_le32(d + off + 24) << 32;
      first = 0;
    } else if (len > 0) {
      uint64_t end = (uint64_t)pa + len;
      if (!have_mem || pa < lo) lo = pa;
      if (!have_mem || end > hi) hi = end;
      have_mem = 1;
    }
    off += 8 + (size_t)len;
  }
  if (first || off != n) return -1;
  if (!have_mem) lo = hi = 0;
  if (hi - lo > BPTEST_MAX_SPAN) return -1;
  in->base = mem_high + lo;
  in->size = hi - lo;
  in->image = (uint8_t *)calloc(1, (size_t)in->size + 1);
  if (!in->image) return -1;
  /* Pass 2: memory. */
  off = 8 + (size_t)bptest_le32(d + 4);
  while (off < n) {
    uint32_t pa = bptest_le32(d + off), len = bptest_le32(d + off + 4);
    if (len > 0) memcpy(in->image + (pa - lo), d + off + 8, len);
    off += 8 + (size_t)len;
  }
  return 0;
}

static inline void bptest_input_free(struct bptest_input *in) {
  free(in->image);
  in->image = NULL;
}

#endif /* EARLYINIT_TESTS_BOOTPROTO_RECORDS_H */
