/*
 * linktable/rel.h: self-relative 32-bit references.
 *
 * A table entry never holds an absolute address. It holds the distance from
 * the field itself to its target, as Linux's PREL32 initcalls do:
 *
 *     target = (const char *)&field + field
 *
 * The assembler writes `.long target - .`, the linker resolves it as a
 * PC-relative relocation, and the result is correct at any load address,
 * before the program has relocated itself, and needs no dynamic relocation.
 *
 * Usable from C (gnu11) and C++, freestanding.
 */
#ifndef LINKTABLE_REL_H
#define LINKTABLE_REL_H

#include "linktable/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A self-relative reference, as stored in a table entry.
 *
 * @code
 *   struct my_entry { linktable_rel fn; };    // 4 bytes, no relocation
 * @endcode
 */
typedef int32_t linktable_rel;

/**
 * Resolve a self-relative reference to the address it names.
 *
 * @v field   Address of the linktable_rel inside the entry
 * @ret addr  The target's address at run time
 *
 * @code
 *   const void *target = linktable_rel_resolve(&entry->fn);
 * @endcode
 */
static inline const void *linktable_rel_resolve(const linktable_rel *field) {
  return (const char *)field + *field;
}

/**
 * Resolve a reference whose low bits carry flags (the target is aligned).
 *
 * @v field   Address of the linktable_rel inside the entry
 * @v mask    Bits of the stored value that are flags, not distance
 * @ret addr  The target's address at run time
 *
 * @code
 *   // entry emitted as `.long step - . + 1`: bit 0 is a flag
 *   const void *step = linktable_rel_resolve_masked(&e->step, 3);
 * @endcode
 */
static inline const void *linktable_rel_resolve_masked(const linktable_rel *field,
                                                       int32_t mask) {
  return (const char *)field + (*field & ~mask);
}

#ifdef __cplusplus
}
#endif

#endif /* LINKTABLE_REL_H */
