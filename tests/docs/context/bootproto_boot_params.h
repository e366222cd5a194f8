/* What the examples of bootproto/boot_params.h take as given. */
static struct bootproto_boot_params *bp;
void panic(const char *why);
