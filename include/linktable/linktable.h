/**
 * @file
 * linktable/linktable.h: linker tables.
 *
 * A linker table is an array whose entries are contributed by any number of
 * translation units and put in order by the linker, never by link order:
 * every entry lives in its own section
 *
 *     .rodata.lt.<table>.<key>.<name>
 *
 * and the linker fragment (linker_scripts/linktable.ld) sorts those sections
 * by name. Keys are fixed-width tokens of [0-9A-Za-z_] (`0100`, `E10_0042`)
 * compared as strings, so they sort as intended; ties between equal keys are
 * broken by the entry's name.
 *
 * An entry is a record of 32-bit words: self-relative references
 * (LINKTABLE_REL, see rel.h) and constants (LINKTABLE_U32). It holds no
 * absolute address, so the table needs no dynamic relocation and lives in
 * read-only memory, at any load address.
 *
 * Each entry also leaves one record in the non-allocated (retained) section
 * `.linktable_meta` (table, key, name, file, line, attributes), which costs
 * nothing at run time, survives `strip --strip-all`, and is what
 * earlyinit-audit reads. The format is in docs/linktable-metadata.md.
 *
 * Usable from C (gnu11) and C++ (17, 20), freestanding: no libc, no static
 * constructors, no heap. Entries must be added at file (namespace) scope.
 *
 * Example, a table of functions:
 *
 * @code
 *   // frob.h
 *   typedef int frob_fn(void);
 *   LINKTABLE_DECLARE_REFS(frobs, frob_fn, 4);
 *
 *   // frob.c (exactly one translation unit)
 *   LINKTABLE_DEFINE(frobs);
 *
 *   // any .c or .cc file
 *   static int frob_disk(void) { return 0; }
 *   LINKTABLE_ADD(frobs, 0100, disk, frob_disk);
 *
 *   // walk them in key order
 *   LINKTABLE_FOREACH(e, frobs)
 *     LINKTABLE_REF_TARGET(frobs, e)();
 * @endcode
 */
#ifndef LINKTABLE_LINKTABLE_H
#define LINKTABLE_LINKTABLE_H

#include "linktable/types.h"

#include "linktable/assert.h"
#include "linktable/names.h"
#include "linktable/pp.h"
#include "linktable/rel.h"

/**
 * An asm operand of an entry's emitter, as the assembler should see it:
 * the bare symbol name or number, with no `$` or `#` punctuation.
 *
 * @v i         Operand number (a decimal literal)
 *
 * x86 needs the `%c` modifier for that; AArch64 and RISC-V GCC reject `%c`
 * ("invalid use of '%c'" on RISC-V) and print a bare operand as is. Use it
 * in a LINKTABLE_RECORD attribute to name field i's symbol:
 *
 * @code
 *   LINKTABLE_RECORD(frob_table, 0100, disk,
 *                    (LINKTABLE_REL(frob_disk))(LINKTABLE_U32(3)),
 *                    ("fn=" LINKTABLE_ASM_OP(0)));
 * @endcode
 */
#if defined(__x86_64__) || defined(__i386__)
#define LINKTABLE_ASM_OP(i) "%c" LINKTABLE_I_STR_(i)
#else
#define LINKTABLE_ASM_OP(i) "%" LINKTABLE_I_STR_(i)
#endif

/* @cond INTERNAL */
/* The constraint of an operand that names a symbol (a field's target). x86
 * takes any link-time constant as "i". AArch64 GCC refuses a symbol as "i"
 * in PIE code ("impossible constraint in 'asm'"), since its constants may
 * not be symbols there; "S" (an absolute symbolic address, AArch64 and
 * RISC-V, GCC and Clang) is what it takes, and x86 reads "S" as %rsi. */
#if defined(__x86_64__) || defined(__i386__)
#define LINKTABLE_I_ASM_SYM_CONSTRAINT_ "i"
#elif defined(__aarch64__) || defined(__riscv)
#define LINKTABLE_I_ASM_SYM_CONSTRAINT_ "S"
#else
#error "linktable: unsupported architecture (x86, AArch64 and RISC-V are tested); see LINKTABLE_I_ASM_SYM_CONSTRAINT_"
#endif

/** Hidden visibility: markers and entries are never preempted, so that
    code refers to them PC-relatively (internal: documented for the INTERNAL
    section only). */
#define LINKTABLE_I_HIDDEN_ __attribute__((__visibility__("hidden")))

#ifdef __cplusplus
#define LINKTABLE_I_ALIGNOF_(type) alignof(type)
#else
#define LINKTABLE_I_ALIGNOF_(type) _Alignof(type)
#endif

#ifdef __cplusplus
template <class A, class B> struct linktable_same_type_ {
  static constexpr bool value = false;
};
template <class A> struct linktable_same_type_<A, A> {
  static constexpr bool value = true;
};
#define LINKTABLE_I_SAME_TYPE_(a, b) (linktable_same_type_<a, b>::value)
#define LINKTABLE_I_TYPEOF_(x) decltype(x)
#else
#define LINKTABLE_I_SAME_TYPE_(a, b) __builtin_types_compatible_p(a, b)
#define LINKTABLE_I_TYPEOF_(x) __typeof__(x)
#endif

/* Per-table names, derived from the table's name. */
#define LINKTABLE_I_TYPE_(table) linktable_type__##table
#define LINKTABLE_I_TARGET_TYPE_(table) linktable_target__##table
#define LINKTABLE_I_KEYWIDTH_(table) linktable_keywidth__##table
#define LINKTABLE_I_BEGIN_SYM_(table) linktable_begin__##table
#define LINKTABLE_I_END_SYM_(table) linktable_end__##table
#define LINKTABLE_I_ASM_BEGIN_(table) LINKTABLE_BEGIN_SYMBOL_PREFIX #table
#define LINKTABLE_I_ASM_END_(table) LINKTABLE_END_SYMBOL_PREFIX #table
#define LINKTABLE_I_ASM_ENTRY_(table, name) LINKTABLE_ENTRY_SYMBOL_PREFIX #table "." #name

/*
 * A field is a tuple (kind, expression, addend). An entry's fields are
 * walked numbered, LINKTABLE_I_ENUMERATE_(fields) = (0, f0)(1, f1)...
 * (linktable/pp.h), each element flattened to (i, kind, expression,
 * addend) and dispatched on its kind.
 */
#define LINKTABLE_I_FIELD_(what, i, f) LINKTABLE_I_FIELD_I_(what, i, LINKTABLE_I_REM_ f)
#define LINKTABLE_I_FIELD_I_(...) LINKTABLE_I_FIELD_II_(__VA_ARGS__)
#define LINKTABLE_I_FIELD_II_(what, i, kind, expr, addend) what##kind(i, expr, addend)

/* The assembler line for field i: `.long %ci - . + addend` or `.long %ci`. */
#define LINKTABLE_I_FIELD_ASM_REL_(i, expr, addend) \
  ".long " LINKTABLE_ASM_OP(i) " - . + " LINKTABLE_I_STR_(addend) "\n"
#define LINKTABLE_I_FIELD_ASM_U32_(i, expr, addend) ".long " LINKTABLE_ASM_OP(i) "\n"
#define LINKTABLE_I_WALK_FIELD_ASM_A(i, f) \
  LINKTABLE_I_FIELD_(LINKTABLE_I_FIELD_ASM_, i, f) LINKTABLE_I_WALK_FIELD_ASM_B
#define LINKTABLE_I_WALK_FIELD_ASM_B(i, f) \
  LINKTABLE_I_FIELD_(LINKTABLE_I_FIELD_ASM_, i, f) LINKTABLE_I_WALK_FIELD_ASM_A
#define LINKTABLE_I_WALK_FIELD_ASM_A_END
#define LINKTABLE_I_WALK_FIELD_ASM_B_END

/* The metadata attribute for field i: `ref<i>=<symbol>` for references. */
#define LINKTABLE_I_FIELD_META_REL_(i, expr, addend) ".asciz \"ref" #i "=" LINKTABLE_ASM_OP(i) "\"\n"
#define LINKTABLE_I_FIELD_META_U32_(i, expr, addend) ".asciz \"u32_" #i "=" LINKTABLE_ASM_OP(i) "\"\n"
#define LINKTABLE_I_WALK_FIELD_META_A(i, f) \
  LINKTABLE_I_FIELD_(LINKTABLE_I_FIELD_META_, i, f) LINKTABLE_I_WALK_FIELD_META_B
#define LINKTABLE_I_WALK_FIELD_META_B(i, f) \
  LINKTABLE_I_FIELD_(LINKTABLE_I_FIELD_META_, i, f) LINKTABLE_I_WALK_FIELD_META_A
#define LINKTABLE_I_WALK_FIELD_META_A_END
#define LINKTABLE_I_WALK_FIELD_META_B_END

/* The asm operand for a field, and a comma: a symbol (REL_) or an integer
 * (U32_). The key width's operand comes last. */
#define LINKTABLE_I_FIELD_OPERAND_REL_(i, expr, addend) LINKTABLE_I_ASM_SYM_CONSTRAINT_(expr),
#define LINKTABLE_I_FIELD_OPERAND_U32_(i, expr, addend) "i"(expr),
#define LINKTABLE_I_WALK_FIELD_OPERAND_A(i, f) \
  LINKTABLE_I_FIELD_(LINKTABLE_I_FIELD_OPERAND_, i, f) LINKTABLE_I_WALK_FIELD_OPERAND_B
#define LINKTABLE_I_WALK_FIELD_OPERAND_B(i, f) \
  LINKTABLE_I_FIELD_(LINKTABLE_I_FIELD_OPERAND_, i, f) LINKTABLE_I_WALK_FIELD_OPERAND_A
#define LINKTABLE_I_WALK_FIELD_OPERAND_A_END
#define LINKTABLE_I_WALK_FIELD_OPERAND_B_END

/* Attributes given by upper layers: a sequence of "key=value" literals,
 * possibly empty. */
#define LINKTABLE_I_WALK_ATTR_ASM_A(a) ".asciz \"" a "\"\n" LINKTABLE_I_WALK_ATTR_ASM_B
#define LINKTABLE_I_WALK_ATTR_ASM_B(a) ".asciz \"" a "\"\n" LINKTABLE_I_WALK_ATTR_ASM_A
#define LINKTABLE_I_WALK_ATTR_ASM_A_END
#define LINKTABLE_I_WALK_ATTR_ASM_B_END

/* The record's 64-bit address fields. 32-bit assemblers cannot relocate a
 * .quad (i386 gas: "cannot represent relocation type BFD_RELOC_64"): there
 * the address is a .long followed by a zero high half (x86 is little-endian). */
#if defined(__LP64__) || defined(_LP64)
#define LINKTABLE_I_META_ADDR_(addr) ".quad " addr "\n"
#else
#define LINKTABLE_I_META_ADDR_(addr) ".long " addr ", 0\n"
#endif

/* A metadata record, see docs/linktable-metadata.md. Strings share one
 * .asciz directive: fewer directives for Clang's assembler to parse. */
#define LINKTABLE_I_META_RECORD_(kind, addr, addr2, size_op, kw_op, table, key, \
                               name, attrs_asm)                               \
  ".pushsection " LINKTABLE_META_SECTION ",\"R\",@progbits\n"                  \
  ".balign 8\n"                                                               \
  "7770:\n"                                                                   \
  ".long " LINKTABLE_I_STR_(LINKTABLE_META_MAGIC) "\n"                          \
  ".short " LINKTABLE_I_STR_(LINKTABLE_META_VERSION) "\n"                       \
  ".short " LINKTABLE_I_STR_(kind) "\n"                                         \
  ".long 7771f - 7770b\n"                                                     \
  ".long " LINKTABLE_I_STR_(__LINE__) "\n"                                      \
  LINKTABLE_I_META_ADDR_(addr)                                                  \
  LINKTABLE_I_META_ADDR_(addr2)                                                 \
  ".long " size_op "\n"                                                       \
  ".long " kw_op "\n"                                                         \
  ".asciz \"" table "\", \"" key "\", \"" name "\", \"" __FILE__ "\"\n"       \
  attrs_asm                                                                   \
  ".byte 0\n"                                                                 \
  ".balign 8\n"                                                               \
  "7771:\n"                                                                   \
  ".popsection\n"

/*
 * GCC 12 has no operands on file-scope asm, so entries are emitted by the
 * asm inside a never-called static function: its "i" operands name the
 * targets with their real (mangled, LTO-renamed) symbols and keep them alive.
 * The function itself (a `ret`, plus its unwind entry) is dead weight: it
 * lives in LINKTABLE_EMITTER_SECTION, which the linker fragments discard
 * (about 100 bytes per entry in a hosted build); never instrumented, so no
 * __mcount_loc entry points into a discarded section.
 */
#define LINKTABLE_I_EMITTER_(fname)                                              \
  __attribute__((LINKTABLE_I_UNOPTIMIZED_ __used__, __noinline__,                \
                 __no_instrument_function__,                                   \
                 __section__(LINKTABLE_EMITTER_SECTION))) static void fname(void)
/* Clang compiles an emitter without optimization (it has nothing to
 * optimize; the passes were a third of its cost). GCC's optimize("O0")
 * would do the same but also makes GCC emit the file's top-level asm in
 * source order, after the emitters, in their section, which the fragments
 * discard (a `_start` without a .text directive was lost that way);
 * docs/bench.md, "Compile time". */
#if defined(__clang__)
#define LINKTABLE_I_UNOPTIMIZED_ __optnone__,
#else
#define LINKTABLE_I_UNOPTIMIZED_
#endif
/* @endcond */

/**
 * Declare a linker table (in a header).
 *
 * @v table     Table name (an identifier)
 * @v type      Entry type: a struct of 32-bit words (linktable_rel or
 *              uint32_t), 4-byte aligned
 * @v keywidth  Exact length of every key of this table
 *
 * @code
 *   struct frob_entry { linktable_rel fn; uint32_t flags; };
 *   LINKTABLE_DECLARE(frob_table, struct frob_entry, 4);
 * @endcode
 */
#define LINKTABLE_DECLARE(table, type, keywidth) LINKTABLE_I_DECLARE_I_(table, type, keywidth)
#define LINKTABLE_I_DECLARE_I_(table, type, keywidth)                               \
  typedef type LINKTABLE_I_TYPE_(table);                                         \
  enum { LINKTABLE_I_KEYWIDTH_(table) = (keywidth) };                            \
  LINKTABLE_I_STATIC_ASSERT_(                                                    \
      sizeof(type) % 4 == 0 && LINKTABLE_I_ALIGNOF_(type) == 4,                            \
      "linktable: the entry type of table " #table " must be made of "         \
      "32-bit words (linktable_rel, uint32_t)");                               \
  extern const type LINKTABLE_I_BEGIN_SYM_(table)[] __asm__(                     \
      LINKTABLE_I_ASM_BEGIN_(table)) LINKTABLE_I_HIDDEN_;                          \
  extern const type LINKTABLE_I_END_SYM_(table)[] __asm__(                       \
      LINKTABLE_I_ASM_END_(table)) LINKTABLE_I_HIDDEN_

/**
 * Define a linker table's begin and end markers (in exactly one file).
 *
 * @v table     Table name, as given to LINKTABLE_DECLARE
 *
 * An empty table is valid and has zero entries.
 *
 * @code
 *   LINKTABLE_DEFINE(frob_table);
 * @endcode
 */
#define LINKTABLE_DEFINE(table) LINKTABLE_I_DEFINE_I_(table, "")
/* @cond INTERNAL */
/* LINKTABLE_DEFINE with assembler text right after the end marker, outside
 * [begin, end): earlyinit puts a chain's sentinel entry there. One asm
 * statement, so nothing can come between the marker and the trailer. */
#define LINKTABLE_I_DEFINE_TRAILED_(table, trailer_asm) LINKTABLE_I_DEFINE_I_(table, trailer_asm)
/* @endcond */
#define LINKTABLE_I_DEFINE_I_(table, trailer_asm)                                   \
  LINKTABLE_I_EMITTER_(linktable_define__##table) {                              \
    __asm__ __volatile__(                                                      \
        ".pushsection \"" LINKTABLE_SECTION_PREFIX #table                       \
        LINKTABLE_SECTION_BEGIN_SUFFIX "\",\"aR\","       \
        "@progbits\n"                                                          \
        ".balign 4\n"                                                          \
        ".long " LINKTABLE_FRAGMENT_SYMBOL " - .\n"                            \
        ".globl " LINKTABLE_I_ASM_BEGIN_(table) "\n"                             \
        ".hidden " LINKTABLE_I_ASM_BEGIN_(table) "\n"                            \
        LINKTABLE_I_ASM_BEGIN_(table) ":\n"                                      \
        ".popsection\n"                                                        \
        ".pushsection \"" LINKTABLE_SECTION_PREFIX #table                       \
        LINKTABLE_SECTION_END_SUFFIX "\",\"aR\","       \
        "@progbits\n"                                                          \
        ".balign 4\n"                                                          \
        ".globl " LINKTABLE_I_ASM_END_(table) "\n"                               \
        ".hidden " LINKTABLE_I_ASM_END_(table) "\n"                              \
        LINKTABLE_I_ASM_END_(table) ":\n"                                        \
        trailer_asm                                                            \
        ".popsection\n"                                                        \
        LINKTABLE_I_META_RECORD_(LINKTABLE_META_KIND_TABLE,                      \
                               LINKTABLE_I_ASM_BEGIN_(table),                    \
                               LINKTABLE_I_ASM_END_(table), LINKTABLE_ASM_OP(0), \
                               LINKTABLE_ASM_OP(1),                            \
                               #table, "", #table, "")                         \
        :                                                                      \
        : "i"(sizeof(LINKTABLE_I_TYPE_(table))),                                 \
          "i"(LINKTABLE_I_KEYWIDTH_(table)));                                    \
  }                                                                            \
  LINKTABLE_I_STATIC_ASSERT_(1, "LINKTABLE_DEFINE(" #table ")")

/**
 * A field of an entry: a self-relative reference to a function or object.
 *
 * @v target    A function name or the address of an object (`&obj`)
 *
 * @code
 *   LINKTABLE_RECORD(frob_table, 0100, disk,
 *                    (LINKTABLE_REL(frob_disk))(LINKTABLE_U32(3)), );
 * @endcode
 */
#define LINKTABLE_REL(target) (REL_, target, 0)

/**
 * A field: a self-relative reference whose low bits carry flags.
 *
 * @v target    A function or object aligned to at least `flags + 1`
 * @v flags     A decimal literal added to the stored distance
 *
 * @code
 *   // bit 0 of the stored word is a flag: read with linktable_rel_resolve_masked
 *   LINKTABLE_RECORD(frob_table, 0200, flagged,
 *                    (LINKTABLE_REL_FLAGS(frob_disk, 1))(LINKTABLE_U32(0)), );
 * @endcode
 */
#define LINKTABLE_REL_FLAGS(target, flags) (REL_, target, flags)

/**
 * A field: a 32-bit constant.
 *
 * @v value     An integer constant expression
 *
 * @code
 *   LINKTABLE_RECORD(frob_table, 0300, early,
 *                    (LINKTABLE_REL(frob_disk))(LINKTABLE_U32(FROB_FLAG_EARLY)), );
 * @endcode
 */
#define LINKTABLE_U32(value) (U32_, value, 0)

/**
 * The most fields an entry has (29): its emitter's asm statement takes an
 * operand per field and one for the key width, and GCC takes 30. More is
 * a compile error naming the entry (LINKTABLE_RECORD).
 */
#define LINKTABLE_MAX_FIELDS LINKTABLE_I_PP_MAX_

/**
 * Add an entry made of fields to a table (at file scope).
 *
 * @v table     Table name
 * @v key       Sort key: one token of exactly the table's key width, made
 *              of [0-9A-Za-z_] (zero-pad numbers: 0042); macros in it are
 *              expanded. Never evaluated as a number, so 0042 is not octal.
 * @v name      Entry name (an identifier), unique in the table; it breaks
 *              ties between equal keys
 * @v fields    Sequence of LINKTABLE_REL / LINKTABLE_U32, one per 32-bit
 *              word of the table's entry type, in order:
 *              (LINKTABLE_REL(f))(LINKTABLE_U32(3)); at most
 *              LINKTABLE_MAX_FIELDS
 * @v attrs     Sequence of "key=value" string literals stored in
 *              the entry's metadata record (may be empty); a value may name
 *              field i's symbol as LINKTABLE_ASM_OP(i)
 *
 * @code
 *   LINKTABLE_RECORD(frob_table, 0100, disk,
 *                    (LINKTABLE_REL(frob_disk))(LINKTABLE_U32(3)),
 *                    ("driver=disk"));
 * @endcode
 */
#define LINKTABLE_RECORD(table, key, name, fields, attrs) LINKTABLE_I_RECORD_I_(table, key, name, fields, attrs)
#define LINKTABLE_I_RECORD_I_(table, key, name, fields, attrs)                   \
  LINKTABLE_I_STATIC_ASSERT_(                                                    \
      sizeof(LINKTABLE_I_STR_(key)) - 1 == LINKTABLE_I_KEYWIDTH_(table),           \
      "linktable: key " LINKTABLE_I_STR_(key) " of entry " #name " in table "    \
      #table " must have exactly the table's key width (zero-pad numbers)");   \
  LINKTABLE_I_ASSERT_ONLY_CHARS_(                                                \
      LINKTABLE_I_STR_(key), LINKTABLE_I_KEY_CHARS_,                               \
      "linktable: key `" LINKTABLE_I_STR_(key) "` of entry " #name " in table "  \
      #table " may only contain [0-9A-Za-z_] (the linker sorts it as text)");  \
  LINKTABLE_I_STATIC_ASSERT_(                                                    \
      LINKTABLE_I_SIZE_(fields) <= LINKTABLE_MAX_FIELDS,                          \
      "linktable: entry " #name " of table " #table " has more than "           \
      LINKTABLE_I_STR_(LINKTABLE_MAX_FIELDS) " fields (expected at most "        \
      "LINKTABLE_MAX_FIELDS: GCC takes 30 operands per asm statement)");       \
  LINKTABLE_I_STATIC_ASSERT_(                                                    \
      sizeof(LINKTABLE_I_TYPE_(table)) == 4 * LINKTABLE_I_SIZE_(fields),         \
      "linktable: entry " #name " does not have one field per 32-bit word "    \
      "of the entry type of table " #table);                                   \
  LINKTABLE_I_IF_FITS_(LINKTABLE_I_SIZE_(fields), LINKTABLE_I_RECORD_EMIT_)       \
  (table, key, name, LINKTABLE_I_ENUMERATE_(fields), LINKTABLE_I_SIZE_(fields), attrs) \
  LINKTABLE_I_STATIC_ASSERT_(1, "LINKTABLE_RECORD(" #table ", " #name ")")
/* @cond INTERNAL */
/* The emitter of an entry, from its numbered fields and their number. */
#define LINKTABLE_I_RECORD_EMIT_(table, key, name, nfields, n, attrs)            \
  LINKTABLE_I_EMITTER_(linktable_emit__##table##__##name) {                      \
    __asm__ __volatile__(                                                      \
        LINKTABLE_I_ENTRY_ASM_(                                                  \
            #table, LINKTABLE_I_STR_(key), #name,                                \
            LINKTABLE_I_WALK_(LINKTABLE_I_WALK_FIELD_ASM, nfields),              \
            LINKTABLE_I_STR_(n),                                               \
            LINKTABLE_ASM_OP(n),                                               \
            LINKTABLE_I_WALK_(LINKTABLE_I_WALK_FIELD_META, nfields)              \
            LINKTABLE_I_WALK_(LINKTABLE_I_WALK_ATTR_ASM, attrs))                 \
        :                                                                      \
        : LINKTABLE_I_WALK_(LINKTABLE_I_WALK_FIELD_OPERAND, nfields)             \
          "i"(sizeof(LINKTABLE_I_STR_(key)) - 1));                               \
  }
/* @endcond */

/* @cond INTERNAL */
/*
 * The assembler text of one entry and its metadata record, from strings:
 * table, key and name; the fields' `.long` lines and their number; the
 * key width (a number or an operand); the record's attribute lines. Upper
 * layers emit several entries from one asm statement with it.
 */
#define LINKTABLE_I_ENTRY_ASM_(table_s, key_s, name_s, fields_asm, nfields_s,    \
                             keywidth_s, attrs_asm)                            \
  ".pushsection \"" LINKTABLE_SECTION_PREFIX table_s "." key_s "." name_s      \
  "\",\"aR\",@progbits\n"                                                      \
  ".balign 4\n"                                                                \
  ".globl " LINKTABLE_ENTRY_SYMBOL_PREFIX table_s "." name_s "\n"              \
  ".hidden " LINKTABLE_ENTRY_SYMBOL_PREFIX table_s "." name_s "\n"             \
  LINKTABLE_ENTRY_SYMBOL_PREFIX table_s "." name_s ":\n"                       \
  fields_asm                                                                   \
  ".popsection\n"                                                              \
  LINKTABLE_I_META_RECORD_(LINKTABLE_META_KIND_ENTRY,                            \
                         LINKTABLE_ENTRY_SYMBOL_PREFIX table_s "." name_s, "0", \
                         "4*" nfields_s, keywidth_s, table_s, key_s, name_s,   \
                         attrs_asm)
/* @endcond */


/**
 * The entries of a table, as a typed pointer to the first one.
 *
 * @v table     Table name
 * @ret first   `const type *`; equals LINKTABLE_END(table) when empty
 *
 * @code
 *   const struct frob_entry *first = LINKTABLE_BEGIN(frob_table);
 * @endcode
 */
#define LINKTABLE_BEGIN(table) LINKTABLE_I_BEGIN_I_(table)
#define LINKTABLE_I_BEGIN_I_(table)          \
  ((const LINKTABLE_I_TYPE_(table) *)linktable_hide_((const void *)LINKTABLE_I_BEGIN_SYM_(table)))

/**
 * One past the last entry of a table.
 *
 * @code
 *   for (p = LINKTABLE_BEGIN(frob_table); p < LINKTABLE_END(frob_table); ++p)
 *     frob(p);
 * @endcode
 */
#define LINKTABLE_END(table) LINKTABLE_I_END_I_(table)
#define LINKTABLE_I_END_I_(table) \
  ((const LINKTABLE_I_TYPE_(table) *)linktable_hide_((const void *)LINKTABLE_I_END_SYM_(table)))

/**
 * The number of entries in a table.
 *
 * @code
 *   size_t n = LINKTABLE_COUNT(frob_table);
 * @endcode
 */
#define LINKTABLE_COUNT(table) LINKTABLE_I_COUNT_I_(table)
#define LINKTABLE_I_COUNT_I_(table) \
  ((size_t)(LINKTABLE_END(table) - LINKTABLE_BEGIN(table)))

/**
 * Walk a table's entries in key order.
 *
 * @v var       Name of the loop variable (`const type *`)
 * @v table     Table name
 *
 * @code
 *   LINKTABLE_FOREACH(e, frob_table)
 *     frob(e);
 * @endcode
 */
#define LINKTABLE_FOREACH(var, table) LINKTABLE_I_FOREACH_I_(var, table)
#define LINKTABLE_I_FOREACH_I_(var, table)                                  \
  for (const LINKTABLE_I_TYPE_(table) *var = LINKTABLE_BEGIN(table),     \
                                    *var##_end_ = LINKTABLE_END(table); \
       var < var##_end_; ++var)

/* @cond INTERNAL */
/* Hide where a marker points, so that the compiler cannot decide that two
 * distinct symbols never compare equal (an empty table has begin == end). */
static inline LINKTABLE_FN_SECTION const void *linktable_hide_(const void *p) {
  __asm__("" : "+r"(p));
  return p;
}
/* @endcond */

/** The entry type of a table of references (LINKTABLE_DECLARE_REFS). */
struct linktable_ref {
  linktable_rel target; /**< the function or object */
};

/**
 * Declare a table whose entries each reference one function or object.
 *
 * @v table       Table name
 * @v target_type Type of every target: a function type (`int (void)`) or an
 *                object type (`const struct frob`)
 * @v keywidth    Exact length of every key
 *
 * @code
 *   typedef int frob_fn(void);
 *   LINKTABLE_DECLARE_REFS(frobs, frob_fn, 4);
 * @endcode
 */
#define LINKTABLE_DECLARE_REFS(table, target_type, keywidth) LINKTABLE_I_DECLARE_REFS_I_(table, target_type, keywidth)
#define LINKTABLE_I_DECLARE_REFS_I_(table, target_type, keywidth) \
  typedef target_type LINKTABLE_I_TARGET_TYPE_(table);         \
  LINKTABLE_DECLARE(table, struct linktable_ref, keywidth)

/**
 * Add a reference to a table of references (at file scope).
 *
 * @v table     Table name
 * @v key       Sort key (see LINKTABLE_RECORD)
 * @v name      Entry name, unique in the table
 * @v target    A function of the table's type, or `&object`
 *
 * A target of another type is a compile error that names the entry and the
 * table.
 *
 * @code
 *   static int frob_disk(void) { return 0; }
 *   LINKTABLE_ADD(frobs, 0100, disk, frob_disk);
 * @endcode
 */
#define LINKTABLE_ADD(table, key, name, target) LINKTABLE_I_ADD_I_(table, key, name, target)
#define LINKTABLE_I_ADD_I_(table, key, name, target)                                \
  LINKTABLE_I_STATIC_ASSERT_(                                                    \
      LINKTABLE_I_SAME_TYPE_(LINKTABLE_I_TYPEOF_(&*(target)),                      \
                           LINKTABLE_I_TARGET_TYPE_(table) *),                   \
      "linktable: entry " #name " does not have the entry type of table "      \
      #table);                                                                 \
  LINKTABLE_RECORD(table, key, name, (LINKTABLE_REL(target)), )

/**
 * The target of an entry of a table of references, typed.
 *
 * @v table     Table name
 * @v entry     `const struct linktable_ref *`
 * @ret target  Pointer to the function or object
 *
 * @code
 *   LINKTABLE_FOREACH(e, frobs)
 *     LINKTABLE_REF_TARGET(frobs, e)();
 * @endcode
 */
#define LINKTABLE_REF_TARGET(table, entry) LINKTABLE_I_REF_TARGET_I_(table, entry)
#define LINKTABLE_I_REF_TARGET_I_(table, entry)  \
  ((LINKTABLE_I_TARGET_TYPE_(table) *)linktable_rel_resolve(&(entry)->target))

#endif /* LINKTABLE_LINKTABLE_H */
