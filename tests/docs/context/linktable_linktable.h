/* What the examples of linktable/linktable.h take as given. */
#ifndef DOC_HAS_frob_table
struct frob_entry { linktable_rel fn; uint32_t flags; };
LINKTABLE_DECLARE(frob_table, struct frob_entry, 4);
#endif
#ifndef DOC_HAS_frobs
typedef int frob_fn(void);
LINKTABLE_DECLARE_REFS(frobs, frob_fn, 4);
#endif
#ifndef DOC_HAS_frob_disk
static int frob_disk(void) { return 0; }
#endif
#define FROB_FLAG_EARLY 1
void frob(const void *entry);
static const struct frob_entry *p;
