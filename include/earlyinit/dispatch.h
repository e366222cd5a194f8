/**
 * @file
 * earlyinit/dispatch.h: run one subarch's chain for one phase.
 *
 * Freestanding: no libc, no heap, no exceptions, no static constructors.
 * The caller keeps an earlyinit_state across the phases of one boot (it
 * remembers what failed, for dependencies), and supplies hooks:
 *
 *   fatal  receives what stops the boot: a required step that failed, a
 *          required step whose dependency did not run, a subarch this
 *          build lacks, or an adapter's own reason (earlyinit_fatal_init).
 *          A kernel halts there; if it returns, the chain stops.
 *   trace  is called before and after every step (initcall_debug style),
 *          with a value from `clock` (the TSC, say). Without a trace hook
 *          the walk has no per-step cost for it.
 *
 * @code
 *   static earlyinit_state state;
 *   earlyinit_hooks hooks = { .fatal = my_panic, .trace = my_trace, .clock = rdtsc_hook };
 *   earlyinit_state_init(&state);
 *   earlyinit_summary s = earlyinit_run_chain(EARLYINIT_PHASE_early,
 *                                             EARLYINIT_SUBARCH_ID_generic, boot, &hooks, &state);
 * @endcode
 *
 * An adapter picks the subarch from what its loader passed (earlyinit/x86.h
 * for a boot_params) and runs the chain through this API.
 */
#ifndef EARLYINIT_DISPATCH_H
#define EARLYINIT_DISPATCH_H

#include "linktable/types.h"

#include "earlyinit/phase_loop.h"
#include "earlyinit/pp.h"
#include "earlyinit/subarch.h"
#include "earlyinit/tables.h"
#include "linktable/linktable.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What happened to a step. */
enum earlyinit_status {
  EARLYINIT_STARTING = 0,        /**< trace only: about to run */
  EARLYINIT_OK = 1,              /**< ran and returned 0 */
  EARLYINIT_FAILED = 2,          /**< ran and returned an error code */
  EARLYINIT_SKIPPED = 3,         /**< not run: a dependency did not run */
};

/** Why the dispatcher stopped (earlyinit_fatal.reason). An adapter's
 *  reasons are numbered from EARLYINIT_FATAL_ADAPTER and carry their own
 *  message (earlyinit_fatal_init): the core knows none of them. */
enum earlyinit_fatal_reason {
  EARLYINIT_FATAL_STEP_FAILED = 1,      /**< a required step returned `code` */
  EARLYINIT_FATAL_DEPENDENCY = 2,       /**< a required step's dep did not run */
  EARLYINIT_FATAL_DISABLED_SUBARCH = 4, /**< not enabled in this build */
  EARLYINIT_FATAL_BAD_PHASE = 8,        /**< phase out of range */
  EARLYINIT_FATAL_ADAPTER = 64          /**< the first of the adapters' reasons */
};

/** What the fatal hook receives. earlyinit_format_fatal prints it. */
typedef struct earlyinit_fatal {
  unsigned reason;     /**< what stopped the boot: enum earlyinit_fatal_reason,
                          or an adapter's reason */
  const char *step;    /**< the step, or 0 */
  const char *dep;     /**< the dependency that did not run, or 0 */
  unsigned subarch;    /**< earlyinit id, when known */
  uint64_t value;      /**< the offending value: the step's error code, the
                          subarch or phase, or an adapter's */
  uint64_t value2;     /**< a second value, for an adapter's message */
  const char *message; /**< an adapter's reason: its message, whose %u, %d
                          and %x print value then value2 (0 for the core's) */
} earlyinit_fatal;

/** What the trace hook receives, before and after each step. */
typedef struct earlyinit_trace {
  const char *step;             /**< the step's name */
  unsigned subarch;             /**< earlyinit subarch id */
  enum earlyinit_phase phase;   /**< the phase being run */
  enum earlyinit_status status; /**< STARTING before the step */
  int code;                     /**< the step's return value */
  const char *dep;              /**< SKIPPED: the dependency that did not run */
  uint64_t clock;               /**< hooks->clock(), or 0 without one */
  const void *fn;               /**< the implementing function (initcall_debug's
                                   "calling %pS"), also when SKIPPED */
} earlyinit_trace;

/** Hooks; any may be 0. `user` is handed back to each hook and step. */
typedef struct earlyinit_hooks {
  void (*fatal)(const earlyinit_fatal *f, void *user); /**< what stops the boot */
  void (*trace)(const earlyinit_trace *t, void *user); /**< before and after each step */
  uint64_t (*clock)(void *user); /**< a time stamp for trace */
  void *user; /**< handed to every hook, and to steps as earlyinit_context.user */
} earlyinit_hooks;

/** Failed or skipped steps remembered per boot (for dependencies). */
#define EARLYINIT_STATE_SLOTS 32

/** The dispatcher's memory across the phases of one boot. */
typedef struct earlyinit_state {
  const struct earlyinit_step *not_ok[EARLYINIT_STATE_SLOTS]; /**< failed or skipped steps */
  unsigned n_not_ok; /**< used slots of not_ok */
  unsigned overflow;    /**< more failures than slots: deps fail closed */
  unsigned phases_done; /**< bit per phase */
} earlyinit_state;

/** What one phase did. */
typedef struct earlyinit_summary {
  unsigned run;     /**< steps called */
  unsigned failed;  /**< of those, returned an error */
  unsigned skipped; /**< not called: a dependency did not run */
  unsigned stopped; /**< 1 if the fatal hook was called */
} earlyinit_summary;

/**
 * Reset the state (before the first phase of a boot).
 *
 * @code
 *   earlyinit_state_init(&state);
 * @endcode
 */
static inline LINKTABLE_FN_SECTION void earlyinit_state_init(earlyinit_state *state) {
  unsigned i;
  for (i = 0; i < EARLYINIT_STATE_SLOTS; ++i) state->not_ok[i] = 0;
  state->n_not_ok = 0;
  state->overflow = 0;
  state->phases_done = 0;
}

/**
 * The name of a step, from its entry in earlyinit_steps.
 *
 * @code
 *   const char *n = earlyinit_step_name(step);
 * @endcode
 */
static inline LINKTABLE_FN_SECTION const char *earlyinit_step_name(const struct earlyinit_step *step) {
  return (const char *)linktable_rel_resolve(&step->name);
}

/** A chain: [begin, end) of one (phase, subarch). */
typedef struct earlyinit_chain {
  const struct earlyinit_entry *begin; /**< first entry */
  const struct earlyinit_entry *end;   /**< one past the last */
} earlyinit_chain;

/* @cond INTERNAL */
#define EARLYINIT_I_CHAIN_CASE_(s, phase)                                      \
  case EARLYINIT_SUBARCH_ID(s) * EARLYINIT_NR_PHASES + EARLYINIT_PHASE_NUM(phase): \
    c.begin = LINKTABLE_BEGIN(EARLYINIT_I_CHAIN_TABLE_(phase, s));              \
    c.end = LINKTABLE_END(EARLYINIT_I_CHAIN_TABLE_(phase, s));                  \
    break;
#define EARLYINIT_I_WALK_SUBARCH_CASES_A(s) \
  EARLYINIT_I_FOR_PHASES_(EARLYINIT_I_CHAIN_CASE_, s) EARLYINIT_I_WALK_SUBARCH_CASES_B
#define EARLYINIT_I_WALK_SUBARCH_CASES_B(s) \
  EARLYINIT_I_FOR_PHASES_(EARLYINIT_I_CHAIN_CASE_, s) EARLYINIT_I_WALK_SUBARCH_CASES_A
#define EARLYINIT_I_WALK_SUBARCH_CASES_A_END
#define EARLYINIT_I_WALK_SUBARCH_CASES_B_END
#define EARLYINIT_I_EXEMPT_CASE_(s)                                  \
  case EARLYINIT_SUBARCH_ID(s):                                    \
    b = LINKTABLE_BEGIN(EARLYINIT_I_EXEMPT_TABLE_(s));               \
    e = LINKTABLE_END(EARLYINIT_I_EXEMPT_TABLE_(s));                 \
    break;
#define EARLYINIT_I_WALK_EXEMPT_CASE_A(s) EARLYINIT_I_EXEMPT_CASE_(s) EARLYINIT_I_WALK_EXEMPT_CASE_B
#define EARLYINIT_I_WALK_EXEMPT_CASE_B(s) EARLYINIT_I_EXEMPT_CASE_(s) EARLYINIT_I_WALK_EXEMPT_CASE_A
#define EARLYINIT_I_WALK_EXEMPT_CASE_A_END
#define EARLYINIT_I_WALK_EXEMPT_CASE_B_END
/* @endcond */

/**
 * The chain of a phase on a subarch (empty if the subarch is not enabled).
 * Selected by a switch on the ids, never by position in a list.
 *
 * @code
 *   earlyinit_chain c = earlyinit_chain_of(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_generic);
 *   size_t n = (size_t)(c.end - c.begin);
 * @endcode
 */
static inline LINKTABLE_FN_SECTION earlyinit_chain earlyinit_chain_of(enum earlyinit_phase phase,
                                                 unsigned subarch) {
  earlyinit_chain c;
  c.begin = c.end = 0;
  switch (subarch * EARLYINIT_NR_PHASES + (unsigned)phase) {
    EARLYINIT_I_WALK_(EARLYINIT_I_WALK_SUBARCH_CASES, EARLYINIT_SUBARCHS)
    default:
      break;
  }
  return c;
}

/**
 * The step an entry implements.
 *
 * @code
 *   const struct earlyinit_step *s = earlyinit_entry_step(e);
 * @endcode
 */
static inline LINKTABLE_FN_SECTION const struct earlyinit_step *earlyinit_entry_step(
    const struct earlyinit_entry *e) {
  return (const struct earlyinit_step *)linktable_rel_resolve_masked(
      &e->step, EARLYINIT_ENTRY_FLAG_MASK);
}

/**
 * Whether a step is exempt on a subarch.
 *
 * @code
 *   if (earlyinit_is_exempt(step, EARLYINIT_SUBARCH_ID_generic))
 *     return 0;   // nothing owed on this subarch
 * @endcode
 */
static inline LINKTABLE_FN_SECTION int earlyinit_is_exempt(const struct earlyinit_step *step,
                                      unsigned subarch) {
  const struct earlyinit_exemption *b = 0, *e = 0;
  switch (subarch) {
    EARLYINIT_I_WALK_(EARLYINIT_I_WALK_EXEMPT_CASE, EARLYINIT_SUBARCHS)
    default:
      return 0;
  }
  for (; b < e; ++b)
    if (linktable_rel_resolve(&b->step) == (const void *)step) return 1;
  return 0;
}

/* @cond INTERNAL */
static inline LINKTABLE_FN_SECTION void earlyinit_remember_not_ok_(earlyinit_state *state,
                                              const struct earlyinit_step *s) {
  if (state->n_not_ok < EARLYINIT_STATE_SLOTS)
    state->not_ok[state->n_not_ok++] = s;
  else
    state->overflow = 1;
}

/* Did `dep` run successfully (or is it exempt) before entry `cur` of the
 * current chain, in this boot? */
static inline LINKTABLE_FN_SECTION int earlyinit_dep_ok_(const earlyinit_state *state,
                                    const struct earlyinit_step *dep,
                                    unsigned subarch, earlyinit_chain chain,
                                    const struct earlyinit_entry *cur) {
  unsigned i;
  const struct earlyinit_entry *e;
  const unsigned dep_phase = EARLYINIT_STEP_PHASE(dep->info);
  for (i = 0; i < state->n_not_ok; ++i)
    if (state->not_ok[i] == dep) return 0;
  if (earlyinit_is_exempt(dep, subarch)) return 1;
  if (state->overflow) return 0;
  if (dep_phase != EARLYINIT_STEP_PHASE(earlyinit_entry_step(cur)->info))
    return (state->phases_done >> dep_phase) & 1;
  for (e = chain.begin; e < cur; ++e)
    if (earlyinit_entry_step(e) == dep) return 1;
  return 0; /* not earlier in this chain: misordered */
}

/* The first dependency of `step` that did not run, or 0. */
static inline LINKTABLE_FN_SECTION const struct earlyinit_step *earlyinit_unmet_dep_(
    const earlyinit_state *state, const struct earlyinit_step *step,
    unsigned subarch, earlyinit_chain chain, const struct earlyinit_entry *cur) {
  LINKTABLE_FOREACH(d, earlyinit_deps) {
    const struct earlyinit_step *dep =
        (const struct earlyinit_step *)linktable_rel_resolve(&d->dep);
    if (linktable_rel_resolve(&d->step) != (const void *)step) continue;
    if (!earlyinit_dep_ok_(state, dep, subarch, chain, cur)) return dep;
  }
  return 0;
}

/* Zeroed field by field: clang -O0 turns `= {0, 0, 0, 0}` into memset. */
static inline LINKTABLE_FN_SECTION void earlyinit_summary_clear_(earlyinit_summary *s) {
  s->run = s->failed = s->skipped = s->stopped = 0;
}

/* The summary of a phase that stopped before its chain. */
static inline LINKTABLE_FN_SECTION earlyinit_summary earlyinit_stopped_(void) {
  earlyinit_summary s;
  earlyinit_summary_clear_(&s);
  s.stopped = 1;
  return s;
}

static inline LINKTABLE_FN_SECTION uint64_t earlyinit_clock_(const earlyinit_hooks *h) {
  return h->clock ? h->clock(h->user) : 0;
}

static inline LINKTABLE_FN_SECTION void earlyinit_call_fatal_(const earlyinit_hooks *h,
                                         const earlyinit_fatal *f) {
  if (h->fatal) h->fatal(f, h->user);
}

/* Field by field, not an aggregate initialiser: compilers turn those into
 * memset/memcpy calls (clang -O0 does), which freestanding code may lack. */
static inline LINKTABLE_FN_SECTION void earlyinit_fatal_(const earlyinit_hooks *h,
                                    enum earlyinit_fatal_reason reason,
                                    const char *step, const char *dep,
                                    unsigned subarch, uint64_t value) {
  earlyinit_fatal f;
  f.reason = reason;
  f.step = step;
  f.dep = dep;
  f.subarch = subarch;
  f.value = value;
  f.value2 = 0;
  f.message = 0;
  earlyinit_call_fatal_(h, &f);
}

/* Does a step of this chain have dependencies? Parity makes every declared
 * step of the phase either implemented on the subarch or exempt there, so
 * the chain has one iff a step of the phase with dependencies is not exempt.
 * Costs a pass over the dependency records per chain, never per step. */
static inline LINKTABLE_FN_SECTION int earlyinit_chain_has_deps_(enum earlyinit_phase phase, unsigned subarch) {
  LINKTABLE_FOREACH(d, earlyinit_deps) {
    const struct earlyinit_step *step =
        (const struct earlyinit_step *)linktable_rel_resolve(&d->step);
    if (EARLYINIT_STEP_PHASE(step->info) == (unsigned)phase &&
        !earlyinit_is_exempt(step, subarch))
      return 1;
  }
  return 0;
}

static inline LINKTABLE_FN_SECTION earlyinit_fn *earlyinit_entry_fn_(const struct earlyinit_entry *e) {
  return (earlyinit_fn *)linktable_rel_resolve(&e->fn);
}

/* A step returned `code`: record it; 1 if the chain must stop. */
static inline LINKTABLE_FN_SECTION int earlyinit_failed_(const struct earlyinit_entry *e, int code,
                                    const earlyinit_context *ctx, const earlyinit_hooks *h,
                                    earlyinit_state *state, earlyinit_summary *sum) {
  const struct earlyinit_step *step = earlyinit_entry_step(e);
  ++sum->failed;
  earlyinit_remember_not_ok_(state, step);
  if (e->step & EARLYINIT_ENTRY_OPTIONAL) return 0;
  earlyinit_fatal_(h, EARLYINIT_FATAL_STEP_FAILED, earlyinit_step_name(step), 0, ctx->subarch,
                   (uint64_t)(int64_t)code);
  sum->stopped = 1;
  return 1;
}

/*
 * The walk of a chain without dependencies and without a trace hook: per
 * step, resolve the function, call it, test its result. The loop has no
 * test for the chain's end: the sentinel entry past the end (tables.h)
 * returns non-zero, so the one result test also ends the walk, and the
 * run count comes from the entry pointer at the exits.
 */
static inline LINKTABLE_FN_SECTION earlyinit_summary earlyinit_walk_fast_(earlyinit_chain chain,
                                                     earlyinit_context *ctx,
                                                     const earlyinit_hooks *h,
                                                     earlyinit_state *state) {
  earlyinit_summary sum;
  const struct earlyinit_entry *e = chain.begin;
  int code;
  earlyinit_summary_clear_(&sum);
  for (;;) {
    do {
      code = earlyinit_entry_fn_(e)(ctx);
      ++e;
    } while (__builtin_expect(code == 0, 1));
    if (e - 1 == chain.end) break;
    if (earlyinit_failed_(e - 1, code, ctx, h, state, &sum)) {
      sum.run = (unsigned)(e - chain.begin);
      return sum;
    }
  }
  sum.run = (unsigned)(chain.end - chain.begin);
  return sum;
}

/* The walk. `traced` is a constant at each call site, so the untraced walk
 * carries no per-step test for the trace hook. */
__attribute__((__always_inline__)) static inline earlyinit_summary
earlyinit_walk_(earlyinit_chain chain, earlyinit_context *ctx,
                const earlyinit_hooks *h, earlyinit_state *state, int traced) {
  earlyinit_summary sum;
  const struct earlyinit_entry *e;
  earlyinit_trace t;
  earlyinit_summary_clear_(&sum);
  if (traced) {
    t.subarch = ctx->subarch;
    t.phase = ctx->phase;
    t.dep = 0;
    t.code = 0;
  }
  for (e = chain.begin; e < chain.end; ++e) {
    earlyinit_fn *fn = (earlyinit_fn *)linktable_rel_resolve(&e->fn);
    const int32_t flags = e->step & EARLYINIT_ENTRY_FLAG_MASK;
    int code;
    if (__builtin_expect(flags & EARLYINIT_ENTRY_HAS_DEPS, 0)) {
      const struct earlyinit_step *step = earlyinit_entry_step(e);
      const struct earlyinit_step *dep =
          earlyinit_unmet_dep_(state, step, ctx->subarch, chain, e);
      if (dep) {
        ++sum.skipped;
        earlyinit_remember_not_ok_(state, step);
        if (traced) {
          t.step = earlyinit_step_name(step);
          t.fn = (const void *)fn;
          t.status = EARLYINIT_SKIPPED;
          t.dep = earlyinit_step_name(dep);
          t.code = 0;
          t.clock = earlyinit_clock_(h);
          h->trace(&t, h->user);
          t.dep = 0;
        }
        if (!(flags & EARLYINIT_ENTRY_OPTIONAL)) {
          earlyinit_fatal_(h, EARLYINIT_FATAL_DEPENDENCY, earlyinit_step_name(step),
                           earlyinit_step_name(dep), ctx->subarch, 0);
          sum.stopped = 1;
          return sum;
        }
        continue;
      }
    }
    if (traced) {
      t.step = earlyinit_step_name(earlyinit_entry_step(e));
      t.fn = (const void *)fn;
      t.status = EARLYINIT_STARTING;
      t.code = 0;
      t.clock = earlyinit_clock_(h);
      h->trace(&t, h->user);
    }
    code = fn(ctx);
    ++sum.run;
    if (traced) {
      t.status = code ? EARLYINIT_FAILED : EARLYINIT_OK;
      t.code = code;
      t.clock = earlyinit_clock_(h);
      h->trace(&t, h->user);
    }
    if (__builtin_expect(code != 0, 0) && earlyinit_failed_(e, code, ctx, h, state, &sum))
      return sum;
  }
  return sum;
}
/* @endcond */

/**
 * Fill a fatal record with an adapter's own reason and message: how the
 * code that picks the subarch before the dispatcher runs (earlyinit/x86.h)
 * says why it cannot. The message is the adapter's words: a string
 * literal whose %u (unsigned decimal), %d (signed decimal) and %x (hex)
 * print `value`, then `value2`, and %% a percent sign
 * (earlyinit_format_fatal).
 *
 * @code
 *   enum { MY_FATAL_NO_DTB = EARLYINIT_FATAL_ADAPTER };
 *   earlyinit_fatal why;
 *   earlyinit_fatal_init(&why, MY_FATAL_NO_DTB, "no device tree at %x", 0x40000000, 0);
 *   // earlyinit_format_fatal: "earlyinit: no device tree at 0x40000000"
 * @endcode
 */
static inline LINKTABLE_FN_SECTION void earlyinit_fatal_init(earlyinit_fatal *f, unsigned reason,
                                        const char *message, uint64_t value,
                                        uint64_t value2) {
  f->reason = reason;
  f->step = 0;
  f->dep = 0;
  f->subarch = 0;
  f->value = value;
  f->value2 = value2;
  f->message = message;
}

/**
 * Hand what stops the boot to the fatal hook, as the dispatcher does, and
 * return the summary of a phase that stopped there. For the code that
 * picks the subarch before the dispatcher runs.
 *
 * @code
 *   earlyinit_fatal why;
 *   earlyinit_fatal_init(&why, EARLYINIT_FATAL_ADAPTER, "no boot data", 0, 0);
 *   earlyinit_summary s = earlyinit_report_fatal(&hooks, &why);   // s.stopped == 1
 * @endcode
 */
static inline LINKTABLE_FN_SECTION earlyinit_summary earlyinit_report_fatal(const earlyinit_hooks *hooks,
                                                       const earlyinit_fatal *f) {
  earlyinit_call_fatal_(hooks, f);
  return earlyinit_stopped_();
}

/* @cond INTERNAL */
/* The dispatcher stops before any chain: why, on which subarch, what value. */
static inline LINKTABLE_FN_SECTION earlyinit_summary earlyinit_stop_(const earlyinit_hooks *h,
                                                enum earlyinit_fatal_reason reason,
                                                unsigned subarch, uint64_t value) {
  earlyinit_fatal_(h, reason, 0, 0, subarch, value);
  return earlyinit_stopped_();
}
/* @endcond */

/**
 * Run the chain of `phase` on `subarch`.
 *
 * @v phase       EARLYINIT_PHASE_early, _setup_arch or _late, in that order
 * @v subarch     An enabled subarch id (EARLYINIT_SUBARCH_ID_generic, ...)
 * @v boot        What the entry received from its loader, handed to every
 *               step in its context (may be 0)
 * @v hooks       Fatal, trace and clock hooks (any may be 0)
 * @v state       Kept across the phases of one boot
 * @ret summary   Steps run, failed, skipped; whether the fatal hook ran
 *
 * @code
 *   earlyinit_summary s = earlyinit_run_chain(EARLYINIT_PHASE_early, id, boot, &hooks, &state);
 * @endcode
 */
static inline LINKTABLE_FN_SECTION earlyinit_summary earlyinit_run_chain(
    enum earlyinit_phase phase, unsigned subarch, const void *boot,
    const earlyinit_hooks *hooks, earlyinit_state *state) {
  earlyinit_summary sum;
  earlyinit_context ctx;
  earlyinit_chain chain;
  if ((unsigned)phase >= EARLYINIT_NR_PHASES)
    return earlyinit_stop_(hooks, EARLYINIT_FATAL_BAD_PHASE, subarch, (uint64_t)phase);
  if (!earlyinit_subarch_enabled(subarch))
    return earlyinit_stop_(hooks, EARLYINIT_FATAL_DISABLED_SUBARCH, subarch, subarch);
  ctx.boot = boot;
  ctx.subarch = subarch;
  ctx.phase = phase;
  ctx.user = hooks->user;
  chain = earlyinit_chain_of(phase, subarch);
  if (hooks->trace)
    sum = earlyinit_walk_(chain, &ctx, hooks, state, 1);
  else if (earlyinit_chain_has_deps_(phase, subarch))
    sum = earlyinit_walk_(chain, &ctx, hooks, state, 0);
  else
    sum = earlyinit_walk_fast_(chain, &ctx, hooks, state);
  if (!sum.stopped) state->phases_done |= 1u << phase;
  return sum;
}

#ifdef __cplusplus
}
#endif

#endif /* EARLYINIT_DISPATCH_H */
