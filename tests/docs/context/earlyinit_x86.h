/* What the examples of earlyinit/x86.h take as given. */
static const struct bootproto_boot_params *bp;
#ifndef DOC_HAS_mem
static bootproto_mem mem;
#endif
static earlyinit_hooks hooks;
static earlyinit_state state;
