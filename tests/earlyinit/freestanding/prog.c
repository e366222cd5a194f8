/*
 * A freestanding earlyinit user, compiled as C and as C++ by
 * freestanding_test.cc with -ffreestanding -nostdlib (no libc, no runtime),
 * linked static with its own _start, and run: it boots the PC chain and the
 * Xen PVH chain (picked from boot_params by earlyinit_x86_run, as a kernel
 * does), writes the trace lines to stdout with a raw write syscall and
 * exits with the number of steps run. Its metadata is read back with
 * earlyinit-audit, on x86_64 and i386.
 */
#include "earlyinit/x86.h" /* the x86 subarchs, then the core */
#include "earlyinit/earlyinit.h"

#define EARLYINIT_STEP_pvh_info   EARLYINIT_SPEC(early, 05, 0100, required, )
#define EARLYINIT_STEP_cr4_shadow EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_kasan      EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))
#define EARLYINIT_STEP_ebda       EARLYINIT_SPEC(setup_arch, 20, 0100, optional, )
#define EARLYINIT_STEP_console    EARLYINIT_SPEC(late, 30, 0100, optional, (kasan))

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(pvh_info);
EARLYINIT_DEFINE_STEP(cr4_shadow);
EARLYINIT_DEFINE_STEP(kasan);
EARLYINIT_DEFINE_STEP(ebda);
EARLYINIT_DEFINE_STEP(console);

static unsigned long cr4_shadow_value;
static int kasan_ready;

static int pvh_info(const earlyinit_context *c) { return c->boot ? 0 : 1; }
static int cr4_init(const earlyinit_context *c) { (void)c; cr4_shadow_value = 0x6f0; return 0; }
static int kasan_init(const earlyinit_context *c) { (void)c; kasan_ready = cr4_shadow_value != 0; return !kasan_ready; }
static int ebda_reserve(const earlyinit_context *c) { (void)c; return 0; }
static int console_init(const earlyinit_context *c) { (void)c; return 0; }

EARLYINIT_IMPL(pvh_info, (xen_pvh), pvh_info);
EARLYINIT_EXEMPT(pvh_info, (pc)(lguest)(xen_pv)(intel_mid)(ce4100), "only PVH has an hvm_start_info");
EARLYINIT_IMPL(cr4_shadow, EARLYINIT_ALL, cr4_init);
EARLYINIT_IMPL(kasan, EARLYINIT_ALL, kasan_init);
EARLYINIT_IMPL(ebda, (pc)(lguest)(intel_mid)(ce4100), ebda_reserve);
EARLYINIT_EXEMPT(ebda, (xen_pv)(xen_pvh), "no BIOS under Xen");
EARLYINIT_IMPL(console, EARLYINIT_ALL, console_init);

/* Output, without libc. */
static char out[2048];
static unsigned long out_len;

static void put(const char *s, unsigned long n) {
  while (n-- && out_len < sizeof out) out[out_len++] = *s++;
}

static void on_trace(const earlyinit_trace *t, void *user) {
  char line[160];
  (void)user;
  if (t->status == EARLYINIT_STARTING) return;
  put(line, earlyinit_format_trace(line, sizeof line, t)); /* no clock hook: @0 */
  put("\n", 1);
}

static void on_fatal(const earlyinit_fatal *f, void *user) {
  char line[160];
  (void)user;
  put("FATAL ", 6);
  put(line, earlyinit_format_fatal(line, sizeof line, f));
  put("\n", 1);
}

static long sys_write(const char *buf, unsigned long n) {
  long r;
#if defined(__x86_64__)
  __asm__ volatile("syscall" : "=a"(r) : "0"(1L), "D"(1L), "S"(buf), "d"(n) : "rcx", "r11", "memory");
#else
  __asm__ volatile("int $0x80" : "=a"(r) : "0"(4L), "b"(1L), "c"(buf), "d"(n) : "memory");
#endif
  return r;
}

/* Physical memory as a Xen PVH loader leaves it: hvm_start_info's magic. */
static unsigned char ram[64] __attribute__((aligned(8)));

static unsigned boot(unsigned hardware_subarch) {
  struct bootproto_boot_params bp;
  bootproto_mem mem = bootproto_mem_buffer(ram, 0x1000, sizeof ram);
  earlyinit_hooks hooks;
  earlyinit_state state;
  unsigned i, run = 0;
  const uint32_t magic = BOOTPROTO_XEN_HVM_START_MAGIC;
  for (i = 0; i < sizeof bp; ++i) ((unsigned char *)&bp)[i] = 0;
  for (i = 0; i < 4; ++i) ram[i] = (unsigned char)(magic >> (8 * i));
  bp.hdr.version = BOOTPROTO_PROTOCOL_VERSION;
  bp.hdr.hardware_subarch = hardware_subarch;
  bp.hdr.hardware_subarch_data = 0x1000;
  hooks.fatal = on_fatal;
  hooks.trace = on_trace;
  hooks.clock = 0;
  hooks.user = 0;
  earlyinit_state_init(&state);
  for (i = 0; i < EARLYINIT_NR_PHASES; ++i)
    run += earlyinit_x86_run((enum earlyinit_phase)i, &bp, &mem, &hooks, &state).run;
  return run;
}

#ifdef __cplusplus
extern "C" {
#endif
int prog_main(void);
#ifdef __cplusplus
}
#endif

int prog_main(void) {
  unsigned run = boot(BOOTPROTO_X86_SUBARCH_PC) + boot(BOOTPROTO_X86_SUBARCH_XEN);
  /* A table entry only the metadata names: the KASAN step really ran. */
  if (!kasan_ready) return 100;
  sys_write(out, out_len);
  return (int)run;
}

#if defined(__x86_64__)
__asm__(".globl _start\n_start:\n xor %ebp, %ebp\n and $-16, %rsp\n call prog_main\n"
        " mov %eax, %edi\n mov $60, %eax\n syscall\n");
#else
__asm__(".globl _start\n_start:\n xor %ebp, %ebp\n and $-16, %esp\n call prog_main\n"
        " mov %eax, %ebx\n mov $1, %eax\n int $0x80\n");
#endif
