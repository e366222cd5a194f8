/* What the examples of linktable/rel.h take as given. */
struct doc_entry { linktable_rel fn; linktable_rel step; };
static const struct doc_entry *entry, *e;
