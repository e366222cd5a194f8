/* What the examples of earlyinit/dispatch.h take as given. */
void my_panic(const earlyinit_fatal *f, void *user);
void my_trace(const earlyinit_trace *t, void *user);
uint64_t rdtsc_hook(void *user);
static const void *boot;
#ifndef DOC_HAS_state
static earlyinit_state state;
#endif
static earlyinit_hooks hooks;
static const struct earlyinit_step *step;
static const struct earlyinit_entry *e;
static unsigned id;
