/* What the examples of bootproto/multiboot.h take as given. */
static struct bootproto_multiboot_info mbi;
static struct bootproto_multiboot_mmap_entry e;
static struct bootproto_multiboot_module mod;
static uint64_t at;
void use(uint32_t paddr);
