/**
 * @file
 * bootproto/bootproto.h: everything in bootproto, in one include.
 *
 *  - bootproto/mem.h          the bounded accessor (bootproto_mem)
 *  - bootproto/boot_params.h  the Linux zero page, ABI-exact
 *  - bootproto/xen.h          PVH start info, Xen PV magic, Xen ELF notes
 *  - bootproto/multiboot.h    multiboot v1 structures and constants
 *  - bootproto/convert.h      PVH / multiboot -> boot_params converters
 *
 * @code
 *   #include "bootproto/bootproto.h"
 * @endcode
 */
#ifndef BOOTPROTO_BOOTPROTO_H
#define BOOTPROTO_BOOTPROTO_H

#include "bootproto/boot_params.h"
#include "bootproto/multiboot.h"
#include "bootproto/xen.h"
#ifndef __ASSEMBLER__
#include "bootproto/convert.h"
#include "bootproto/mem.h"
#endif

#endif /* BOOTPROTO_BOOTPROTO_H */
