/*
 * linktable/names.h: the names and numbers the linker tables are made of,
 * in one place, for the macros and for the tools that read built programs
 * (earlyinit-audit). Plain #defines of string literals and integers: no
 * Boost, no types, usable from C, C++ and assembler.
 *
 * An entry of table T with key K and name N lives in section
 *
 *     LINKTABLE_SECTION_PREFIX "T.K.N"        e.g. .rodata.lt.frobs.0100.disk
 *
 * and is labelled LINKTABLE_ENTRY_SYMBOL_PREFIX "T.N"; the table is
 * bracketed by LINKTABLE_BEGIN_SYMBOL_PREFIX "T" and LINKTABLE_END_SYMBOL_PREFIX
 * "T". Each entry and table leaves a record in LINKTABLE_META_SECTION
 * (docs/linktable-metadata.md).
 */
#ifndef LINKTABLE_NAMES_H
#define LINKTABLE_NAMES_H

/*
 * Where the tables live: .rodata, or, in a program that defines
 * LINKTABLE_INIT_SECTIONS before the first include (a kernel that frees
 * its init memory after boot, and reads the tables only before), the init
 * sections: tables and the strings they point to in .init.rodata.*, the
 * emitters in .init.text.*. Such a program's linker script sorts
 * LINKTABLE_INIT_SECTION_PREFIX "*" where the fragment sorts
 * LINKTABLE_RODATA_SECTION_PREFIX "*", before anything that matches
 * .init.rodata.* (examples/linux: arch/x86/kernel/vmlinux.lds.S).
 * earlyinit-audit reads both.
 */
#define LINKTABLE_RODATA_SECTION_PREFIX ".rodata.lt."
#define LINKTABLE_INIT_SECTION_PREFIX ".init.rodata.lt."
#ifdef LINKTABLE_INIT_SECTIONS
#define LINKTABLE_I_RODATA_ ".init.rodata."
#define LINKTABLE_SECTION_PREFIX LINKTABLE_INIT_SECTION_PREFIX
#define LINKTABLE_EMITTER_SECTION ".init.text.linktable_emitter"
/* The library's functions that read the tables, if the compiler emits one
 * out of line: in the init text with them, not in .text pointing at freed
 * memory (Linux's modpost calls that a section mismatch). */
#define LINKTABLE_FN_SECTION __attribute__((__section__(".init.text")))
#else
/** Where the library's functions that read the tables go: wherever the
 *  compiler puts them, unless LINKTABLE_INIT_SECTIONS. */
#define LINKTABLE_FN_SECTION
/** Allocated read-only data: the sections' common prefix. */
#define LINKTABLE_I_RODATA_ ".rodata."
/** Prefix of every table section; the linker fragment sorts `PREFIX*`. */
#define LINKTABLE_SECTION_PREFIX LINKTABLE_RODATA_SECTION_PREFIX
/** Where the never-called emitter functions live; the fragments discard it. */
#define LINKTABLE_EMITTER_SECTION ".text.linktable_emitter"
#endif
/** Suffixes of a table's begin and end sections: they sort around the keys. */
#define LINKTABLE_SECTION_BEGIN_SUFFIX ".!"
#define LINKTABLE_SECTION_END_SUFFIX ".~"

/** Symbols: "linktable.entry.<table>.<name>", "linktable.begin.<table>", ... */
#define LINKTABLE_ENTRY_SYMBOL_PREFIX "linktable.entry."
#define LINKTABLE_BEGIN_SYMBOL_PREFIX "linktable.begin."
#define LINKTABLE_END_SYMBOL_PREFIX "linktable.end."

/** The non-allocated section that holds one metadata record per entry. */
#define LINKTABLE_META_SECTION ".linktable_meta"

/** Metadata record magic ("LTMD", little-endian), version and kinds. */
#define LINKTABLE_META_MAGIC 0x444d544c
#define LINKTABLE_META_VERSION 1
#define LINKTABLE_META_KIND_TABLE 1
#define LINKTABLE_META_KIND_ENTRY 2

/*
 * The linker fragment defines this symbol and every table refers to it, so
 * a program linked without the fragment fails to link, and the linker's
 * "undefined reference" names the fix.
 */
#define LINKTABLE_FRAGMENT_SYMBOL \
  "linktable_linker_fragment_missing__link_with__linker_scripts_linktable_ld"

#endif /* LINKTABLE_NAMES_H */
