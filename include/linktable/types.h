/*
 * linktable/types.h: the fixed-width types every earlyinit header uses.
 *
 * Hosted and freestanding builds take them from the compiler's <stdint.h>
 * and <stddef.h>. Linux builds with -nostdinc and has neither: there they
 * come from <linux/types.h> and <linux/stddef.h>, and the few limit macros
 * the headers use are defined from Linux's own (U64_MAX, ...).
 *
 * A Linux (Kbuild) compilation is recognised by __KERNEL__ together with
 * the compiler_types.h that Kbuild force-includes into every file.
 *
 * Usable from C (gnu11) and C++, freestanding.
 */
#ifndef LINKTABLE_TYPES_H
#define LINKTABLE_TYPES_H

#if defined(__KERNEL__) && defined(__LINUX_COMPILER_TYPES_H)
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/limits.h>
#ifndef UINT32_MAX
#define UINT32_MAX U32_MAX
#endif
#ifndef UINT64_MAX
#define UINT64_MAX U64_MAX
#endif
#else
#include <stddef.h>
#include <stdint.h>
#endif

#endif /* LINKTABLE_TYPES_H */
