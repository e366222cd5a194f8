/* What the examples of bootproto/xen.h take as given. */
#include "bootproto/boot_params.h"
#include "bootproto/mem.h"
static const bootproto_mem *m;
static uint32_t ebx;
static unsigned i;
#ifndef DOC_HAS_si
static struct bootproto_hvm_start_info si;
#endif
static struct bootproto_boot_params *bp;
enum doc_chain { PVH, XEN_PV };
void run_chain(enum doc_chain c);
void panic(const char *why);
