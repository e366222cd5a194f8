/* What the examples of bootproto/mem.h take as given. */
#include "bootproto/boot_params.h"
#include "bootproto/convert.h"
#include "bootproto/xen.h"
#ifndef DOC_HAS_m
static const bootproto_mem *m;
#endif
static uint64_t pa;
static size_t len;
static uint32_t ebx;
static struct bootproto_boot_params bp;
static struct bootproto_e820_entry entry;
static const unsigned char raw[20] = {0};
