/**
 * @file
 * earlyinit/format.h: the fatal and trace messages as text, without libc,
 * for a kernel's early console.
 *
 * @code
 *   static void my_fatal(const earlyinit_fatal *f, void *user) {
 *     char line[160];
 *     earlyinit_format_fatal(line, sizeof line, f);
 *     early_puts(line);
 *     halt();
 *   }
 * @endcode
 */
#ifndef EARLYINIT_FORMAT_H
#define EARLYINIT_FORMAT_H

#include "linktable/types.h"

#include "earlyinit/dispatch.h"
#include "earlyinit/phases.h"
#include "earlyinit/pp.h"
#include "earlyinit/subarch.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A bounded text buffer; writes past its end are dropped, never made. */
typedef struct earlyinit_buf {
  char *p;     /**< the buffer */
  size_t size; /**< its size, with the terminating NUL */
  size_t len;  /**< characters written so far */
} earlyinit_buf;

/* @cond INTERNAL */
static inline LINKTABLE_FN_SECTION void earlyinit_put_(earlyinit_buf *b, const char *s) {
  if (!s) s = "(null)";
  for (; *s; ++s)
    if (b->len + 1 < b->size) b->p[b->len++] = *s;
  if (b->size) b->p[b->len < b->size ? b->len : b->size - 1] = 0;
}
/* No 64-bit division: on i386 it is a libgcc call (__udivdi3) that kernels
 * do not link. Hex by shifts, decimal by subtracting powers of ten. */
static inline LINKTABLE_FN_SECTION void earlyinit_put_u64_(earlyinit_buf *b, uint64_t v, unsigned base) {
  char tmp[24];
  static const uint64_t pow10[20] = {
      1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
      100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
      10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
      100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull};
  int i = 0, shift, k, started = 0;
  if (base == 16) {
    earlyinit_put_(b, "0x");
    for (shift = 60; shift >= 0; shift -= 4) {
      const unsigned d = (unsigned)(v >> shift) & 0xf;
      if (d || started || shift == 0) {
        tmp[i++] = "0123456789abcdef"[d];
        started = 1;
      }
    }
  } else {
    for (k = 19; k >= 0; --k) {
      unsigned d = 0;
      while (v >= pow10[k]) {
        v -= pow10[k];
        ++d;
      }
      if (d || started || k == 0) {
        tmp[i++] = (char)('0' + d);
        started = 1;
      }
    }
  }
  tmp[i] = 0;
  earlyinit_put_(b, tmp);
}
static inline LINKTABLE_FN_SECTION void earlyinit_put_i64_(earlyinit_buf *b, int64_t v) {
  if (v < 0) {
    earlyinit_put_(b, "-");
    earlyinit_put_u64_(b, (uint64_t)0 - (uint64_t)v, 10);
  } else {
    earlyinit_put_u64_(b, (uint64_t)v, 10);
  }
}
static inline LINKTABLE_FN_SECTION const char *earlyinit_subarch_or_id_(unsigned id) {
  const char *n = earlyinit_subarch_name(id);
  return n ? n : "?";
}
/* @endcond */

/** Status names: "calling", "ok", "FAILED", "SKIPPED" (a switch, not a
    table of pointers: no relocation needed before the kernel relocates). */
static inline LINKTABLE_FN_SECTION const char *earlyinit_status_name(enum earlyinit_status s) {
  switch (s) {
    case EARLYINIT_STARTING: return "calling";
    case EARLYINIT_OK: return "ok";
    case EARLYINIT_FAILED: return "FAILED";
    case EARLYINIT_SKIPPED: return "SKIPPED";
  }
  return "?";
}

/* @cond INTERNAL */
#define EARLYINIT_I_WALK_PHASE_NAME_CASE_A(p) \
  case EARLYINIT_PHASE_NUM(p): return #p; EARLYINIT_I_WALK_PHASE_NAME_CASE_B
#define EARLYINIT_I_WALK_PHASE_NAME_CASE_B(p) \
  case EARLYINIT_PHASE_NUM(p): return #p; EARLYINIT_I_WALK_PHASE_NAME_CASE_A
#define EARLYINIT_I_WALK_PHASE_NAME_CASE_A_END
#define EARLYINIT_I_WALK_PHASE_NAME_CASE_B_END
/* @endcond */

/** Phase names, as the trace prints them: "early", "setup_arch", "late"
    (earlyinit/phases.h). */
static inline LINKTABLE_FN_SECTION const char *earlyinit_phase_name(enum earlyinit_phase p) {
  switch ((unsigned)p) {
    EARLYINIT_I_WALK_(EARLYINIT_I_WALK_PHASE_NAME_CASE, EARLYINIT_PHASES)
    default:
      break;
  }
  return "?";
}

/* @cond INTERNAL */
/* An adapter's message: %u, %d, %x print value, then value2, then 0; %% is %. */
static inline LINKTABLE_FN_SECTION void earlyinit_put_message_(earlyinit_buf *b, const earlyinit_fatal *f) {
  const char *m = f->message;
  uint64_t next = f->value, after = f->value2;
  char one[2]; /* set element by element: clang -O0 makes `= {0}` a memset */
  one[1] = 0;
  for (; *m; ++m) {
    if (m[0] == '%' && (m[1] == 'u' || m[1] == 'd' || m[1] == 'x')) {
      if (m[1] == 'd')
        earlyinit_put_i64_(b, (int64_t)next);
      else
        earlyinit_put_u64_(b, next, m[1] == 'x' ? 16 : 10);
      next = after;
      after = 0;
      ++m;
      continue;
    }
    if (m[0] == '%' && m[1] == '%') ++m;
    one[0] = *m;
    earlyinit_put_(b, one);
  }
}
/* @endcond */

/**
 * Format a fatal report as one line: the core's reasons in its words, an
 * adapter's in the message it gave (earlyinit_fatal_init).
 *
 * @v out       Buffer, always NUL-terminated when size > 0
 * @v size      Its size
 * @v f         The report
 * @ret len     Length of the text written
 *
 * @code
 *   earlyinit_format_fatal(line, sizeof line, f);
 *   // "earlyinit: required step page_tables failed on subarch generic with code -12"
 * @endcode
 */
static inline LINKTABLE_FN_SECTION size_t earlyinit_format_fatal(char *out, size_t size,
                                            const earlyinit_fatal *f) {
  earlyinit_buf b = {out, size, 0};
  earlyinit_put_(&b, "earlyinit: ");
  if (f->message) {
    earlyinit_put_message_(&b, f);
    return b.len;
  }
  switch (f->reason) {
    case EARLYINIT_FATAL_STEP_FAILED:
      earlyinit_put_(&b, "required step ");
      earlyinit_put_(&b, f->step);
      earlyinit_put_(&b, " failed on subarch ");
      earlyinit_put_(&b, earlyinit_subarch_or_id_(f->subarch));
      earlyinit_put_(&b, " with code ");
      earlyinit_put_i64_(&b, (int64_t)f->value);
      break;
    case EARLYINIT_FATAL_DEPENDENCY:
      earlyinit_put_(&b, "required step ");
      earlyinit_put_(&b, f->step);
      earlyinit_put_(&b, " not run on subarch ");
      earlyinit_put_(&b, earlyinit_subarch_or_id_(f->subarch));
      earlyinit_put_(&b, ": its dependency ");
      earlyinit_put_(&b, f->dep);
      earlyinit_put_(&b, " did not run successfully before it");
      break;
    case EARLYINIT_FATAL_DISABLED_SUBARCH:
      earlyinit_put_(&b, "subarch id ");
      earlyinit_put_u64_(&b, f->value, 10);
      earlyinit_put_(&b, " is not enabled in this build");
      break;
    case EARLYINIT_FATAL_BAD_PHASE:
      earlyinit_put_(&b, "no phase ");
      earlyinit_put_u64_(&b, f->value, 10);
      break;
    default: /* an adapter's reason without its message */
      earlyinit_put_(&b, "fatal reason ");
      earlyinit_put_u64_(&b, f->reason, 10);
      earlyinit_put_(&b, ", value ");
      earlyinit_put_u64_(&b, f->value, 16);
      break;
  }
  return b.len;
}

/**
 * Format a trace event as one initcall_debug-style line.
 *
 * @code
 *   earlyinit_format_trace(line, sizeof line, t);
 *   // "earlyinit: generic early page_tables ok @12345"
 *   // "earlyinit: generic early probe FAILED code -5 @12400"
 * @endcode
 */
static inline LINKTABLE_FN_SECTION size_t earlyinit_format_trace(char *out, size_t size,
                                            const earlyinit_trace *t) {
  earlyinit_buf b = {out, size, 0};
  earlyinit_put_(&b, "earlyinit: ");
  earlyinit_put_(&b, earlyinit_subarch_or_id_(t->subarch));
  earlyinit_put_(&b, " ");
  earlyinit_put_(&b, earlyinit_phase_name(t->phase));
  earlyinit_put_(&b, " ");
  earlyinit_put_(&b, t->step);
  earlyinit_put_(&b, " ");
  earlyinit_put_(&b, earlyinit_status_name(t->status));
  if (t->status == EARLYINIT_FAILED) {
    earlyinit_put_(&b, " code ");
    earlyinit_put_i64_(&b, t->code);
  }
  if (t->status == EARLYINIT_SKIPPED) {
    earlyinit_put_(&b, " (needs ");
    earlyinit_put_(&b, t->dep);
    earlyinit_put_(&b, ")");
  }
  earlyinit_put_(&b, " @");
  earlyinit_put_u64_(&b, t->clock, 10);
  return b.len;
}

/** The trace hook's memory between a step's start and its end event. */
typedef struct earlyinit_tracer {
  uint64_t start; /**< clock of the last STARTING event */
} earlyinit_tracer;

/** A buffer size that holds any timed trace line whose step name is under
    96 bytes (longer names are truncated, the line still terminated). */
#define EARLYINIT_TRACE_LINE_SIZE 224

/**
 * Format the trace line of one step with its duration and function: the
 * line `earlyinit-audit trace` reads (grammar in docs/audit.md). Call it
 * from the trace hook for every event and print the line when the result
 * is not 0.
 *
 * @v out       Buffer, always NUL-terminated when size > 0
 * @v size      Its size (EARLYINIT_TRACE_LINE_SIZE)
 * @v t         The event
 * @v tracer    Remembers the STARTING clock (zero it once per boot)
 * @ret len     0 for STARTING (nothing to print), else the line's length
 *
 * @code
 *   earlyinit_format_trace_step(line, sizeof line, t, &tracer);
 *   // ""  (STARTING: the clock is remembered)
 *   // "earlyinit: generic early page_tables ok @12345 cycles=678 fn=0xffffffff81001234"
 *   // "earlyinit: generic late probe SKIPPED (needs cmdline) @12400 cycles=0 fn=0x1040"
 * @endcode
 *
 * `@` is the clock at the end event, as in earlyinit_format_trace;
 * `cycles` is its distance from the STARTING event (0 for SKIPPED, which
 * has none, and 0 if the clock went backwards).
 */
static inline LINKTABLE_FN_SECTION size_t earlyinit_format_trace_step(char *out, size_t size,
                                                 const earlyinit_trace *t,
                                                 earlyinit_tracer *tracer) {
  earlyinit_buf b = {out, size, 0};
  uint64_t cycles = 0;
  if (t->status == EARLYINIT_STARTING) {
    tracer->start = t->clock;
    if (size) out[0] = 0;
    return 0;
  }
  if (t->status != EARLYINIT_SKIPPED && t->clock >= tracer->start)
    cycles = t->clock - tracer->start;
  b.len = earlyinit_format_trace(out, size, t);
  earlyinit_put_(&b, " cycles=");
  earlyinit_put_u64_(&b, cycles, 10);
  earlyinit_put_(&b, " fn=");
  earlyinit_put_u64_(&b, (uint64_t)(uintptr_t)t->fn, 16);
  return b.len;
}

#ifdef __cplusplus
}
#endif

#endif /* EARLYINIT_FORMAT_H */
