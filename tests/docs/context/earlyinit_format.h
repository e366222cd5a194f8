/* What the examples of earlyinit/format.h take as given. */
void early_puts(const char *s);
void halt(void);
static char line[160];
static const earlyinit_fatal *f;
static const earlyinit_trace *t;
static earlyinit_tracer tracer;
