/*
 * tests/bootproto/fuzz/fuzz_common.h: what both fuzz targets check after
 * every conversion. A violated invariant aborts, and libFuzzer reports the
 * input. Built with clang -fsanitize=fuzzer,address,undefined (tools/fuzz,
 * tests/bootproto/fuzz_smoke_test.cc).
 */
#ifndef EARLYINIT_TESTS_BOOTPROTO_FUZZ_COMMON_H
#define EARLYINIT_TESTS_BOOTPROTO_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bootproto/bootproto.h"
#include "tests/bootproto/fuzz/records.h"

#define FUZZ_CHECK(cond)                                              \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,     \
              __LINE__, #cond);                                       \
      abort();                                                        \
    }                                                                 \
  } while (0)

/* The command line buffer is a separate allocation so that ASan catches
   a write past it. */
struct fuzz_setup {
  bootproto_mem mem;
  bootproto_options opt;
  char *cmdline;
  uint32_t cmdline_size;
};

static inline void fuzz_setup_init(struct fuzz_setup *s,
                                   const struct bptest_input *in) {
  uint32_t size = (in->options >> 16) & 0xfff;
  s->mem = bootproto_mem_buffer(in->image, in->base, in->size);
  s->opt = bootproto_options_default((uint8_t)(in->options >> 8));
  if (in->options & BPTEST_OPT_ISA) s->opt.flags |= BOOTPROTO_OPT_ISA_RESERVED;
  s->cmdline = NULL;
  s->cmdline_size = 0;
  if (in->options & BPTEST_OPT_COPY_CMDLINE) {
    s->cmdline_size = size ? size : 2048;
    s->cmdline = (char *)malloc(s->cmdline_size);
    FUZZ_CHECK(s->cmdline != NULL);
    memset(s->cmdline, 'x', s->cmdline_size);
    s->opt.cmdline_buf = s->cmdline;
    s->opt.cmdline_buf_size = s->cmdline_size;
    s->opt.cmdline_buf_paddr = 0x12345678abcULL;
  } else {
    s->opt.cmdline_max = size;
  }
}

static inline void fuzz_check(const struct fuzz_setup *s, bootproto_status st,
                              const struct bootproto_boot_params *bp,
                              const bootproto_report *rep) {
  unsigned i;
  const unsigned char *raw;
  FUZZ_CHECK((unsigned)st < BOOTPROTO_STATUS_COUNT);
  FUZZ_CHECK(bootproto_strerror(st) != NULL);
  FUZZ_CHECK(bp->sentinel == 0);
  FUZZ_CHECK(bp->e820_entries <= BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE);
  FUZZ_CHECK(rep->e820_entries == bp->e820_entries);
  /* Slots past e820_entries stay zero. */
  raw = (const unsigned char *)&bp->e820_table[bp->e820_entries];
  for (i = 0; i < (BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE - bp->e820_entries) *
                      sizeof(struct bootproto_e820_entry);
       i++)
    FUZZ_CHECK(raw[i] == 0);
  if (st == BOOTPROTO_OK || bootproto_status_memmap_missing(st)) {
    FUZZ_CHECK(bp->hdr.header == BOOTPROTO_HDRS_MAGIC);
    FUZZ_CHECK(bp->hdr.boot_flag == BOOTPROTO_BOOT_FLAG);
    FUZZ_CHECK(bp->hdr.version == BOOTPROTO_PROTOCOL_VERSION);
    FUZZ_CHECK(bp->hdr.type_of_loader == s->opt.type_of_loader);
  }
  if (st == BOOTPROTO_OK) {
    FUZZ_CHECK(bp->e820_entries >= 1);
    for (i = 0; i < bp->e820_entries; i++) {
      const struct bootproto_e820_entry *e = &bp->e820_table[i];
      FUZZ_CHECK(e->size != 0);
      FUZZ_CHECK(e->addr + e->size > e->addr);
    }
    FUZZ_CHECK(((rep->lost & BOOTPROTO_LOST_E820_TRUNCATED) != 0) ==
               (rep->e820_dropped != 0));
  }
  if (s->cmdline) {
    /* Always terminated inside the buffer, length as reported. */
    const char *nul = (const char *)memchr(s->cmdline, 0, s->cmdline_size);
    if (bp->hdr.cmd_line_ptr != 0 || bp->ext_cmd_line_ptr != 0) {
      FUZZ_CHECK(nul != NULL);
      FUZZ_CHECK((uint32_t)(nul - s->cmdline) == rep->cmdline_len);
    }
  }
}

static inline void fuzz_setup_free(struct fuzz_setup *s) { free(s->cmdline); }

#endif /* EARLYINIT_TESTS_BOOTPROTO_FUZZ_COMMON_H */
