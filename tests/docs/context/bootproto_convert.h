/* What the examples of bootproto/convert.h take as given: the registers a
 * loader passes (eax, ebx), a memory accessor, the conversion's inputs and
 * outputs, and the kernel's own functions. */
static uint32_t eax, ebx;
static bootproto_mem m;
static bootproto_options opt;
static struct bootproto_boot_params bp;
static bootproto_report rep;
static bootproto_status st;
void panic(const char *why);
void early_puts(const char *s);
void early_printf(const char *fmt, ...);
bootproto_status fill_e820_by_hypercall(struct bootproto_boot_params *bp);
void xen_fill_e820(struct bootproto_boot_params *bp);
