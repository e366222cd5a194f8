/*
 * earlyinit/phase_record.h: the phase list, written into the program's
 * metadata (internal).
 *
 * EARLYINIT_DEFINE_TABLES() leaves one note record per phase in
 * `.linktable_meta` (not allocated: nothing at run time), so that
 * earlyinit-audit reads the phases of the program it audits rather than a
 * list compiled into the tool: a configuration that adds a phase
 * (earlyinit/phases.h) needs no other build of the tool. Format:
 * docs/linktable-metadata.md ("Note records"), docs/earlyinit.md.
 */
#ifndef EARLYINIT_PHASE_RECORD_H
#define EARLYINIT_PHASE_RECORD_H

#include "earlyinit/phases.h"
#include "earlyinit/pp.h"
#include "linktable/linktable.h"

/* @cond INTERNAL */
/* A record of a fact with no bytes at run time: addresses, entry size and
 * key width are 0. (A linktable record kind: its home is linktable/names.h
 * beside the others.) */
#ifndef LINKTABLE_META_KIND_NOTE
#define LINKTABLE_META_KIND_NOTE 3
#endif

#define EARLYINIT_PHASES_NOTE_NAME "earlyinit_phases"

/* One phase's note: key its letter, name the phase. */
#define EARLYINIT_I_PHASE_NOTE_(p)                                              \
  LINKTABLE_I_META_RECORD_(                                                    \
      LINKTABLE_META_KIND_NOTE, "0", "0", "0", "0", EARLYINIT_PHASES_NOTE_NAME, \
      EARLYINIT_PHASE_LETTER(p), #p,                                           \
      ".asciz \"earlyinit=phase\", \"phase=" #p "\", \"ordinal="                \
      EARLYINIT_I_STR_(EARLYINIT_PHASE_NUM(p)) "\", \"letter="                  \
      EARLYINIT_PHASE_LETTER(p) "\"\n")
#define EARLYINIT_I_WALK_PHASE_NOTE_A(p) EARLYINIT_I_PHASE_NOTE_(p) EARLYINIT_I_WALK_PHASE_NOTE_B
#define EARLYINIT_I_WALK_PHASE_NOTE_B(p) EARLYINIT_I_PHASE_NOTE_(p) EARLYINIT_I_WALK_PHASE_NOTE_A
#define EARLYINIT_I_WALK_PHASE_NOTE_A_END
#define EARLYINIT_I_WALK_PHASE_NOTE_B_END

/* The notes of every phase, in run order: a file-scope asm statement. */
#define EARLYINIT_I_DEFINE_PHASE_NOTES_() \
  __asm__(EARLYINIT_I_WALK_(EARLYINIT_I_WALK_PHASE_NOTE, EARLYINIT_PHASES))
/* @endcond */

#endif /* EARLYINIT_PHASE_RECORD_H */
