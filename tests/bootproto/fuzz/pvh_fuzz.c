/*
 * tests/bootproto/fuzz/pvh_fuzz.c: libFuzzer target for bootproto_from_pvh.
 * Input: tests/bootproto/fuzz/records.h; %ebx of the entry record is the
 * hvm_start_info address. Seeds: tests/bootproto/corpus/pvh.
 */
#include "tests/bootproto/fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct bptest_input in;
  struct fuzz_setup s;
  struct bootproto_boot_params bp;
  bootproto_report rep;
  bootproto_status st;
  if (bptest_input_parse(data, size, &in) != 0) return 0;
  fuzz_setup_init(&s, &in);
  memset(&bp, 0xa5, sizeof bp);
  st = bootproto_from_pvh(&s.mem, in.ebx, &s.opt, &bp, &rep);
  fuzz_check(&s, st, &bp, &rep);
  if (st == BOOTPROTO_OK || bootproto_status_memmap_missing(st)) {
    FUZZ_CHECK(bp.hdr.hardware_subarch == BOOTPROTO_X86_SUBARCH_XEN);
    FUZZ_CHECK(bp.hdr.hardware_subarch_data == in.ebx);
    FUZZ_CHECK(bootproto_xen_probe(&s.mem, in.ebx) == BOOTPROTO_XEN_KIND_PVH);
  }
  fuzz_setup_free(&s);
  bptest_input_free(&in);
  return 0;
}
