"""The kernel's compiler and linker flags, and a macro that links an image.

Shared by examples/kernel/BUILD and the test-only images in tests/kernel.
"""

# Freestanding, no SSE (no FPU/SSE state is set up: -mgeneral-regs-only
# keeps the compiler from using XMM registers, also for struct copies),
# no red zone (faults run on the same stack), not position-independent
# (linked at 1 MiB, physical = virtual), optimised whatever Bazel's mode.
# The kernel owes steps to two subarchs only: pc and xen_pvh.
KERNEL_COPTS = [
    "-ffreestanding",
    "-fno-pic",
    "-fno-pie",
    "-mno-red-zone",
    "-mgeneral-regs-only",
    "-fno-stack-protector",
    "-fno-asynchronous-unwind-tables",
    "-fno-unwind-tables",
    "-O2",
    "-DEARLYINIT_SUBARCHS=(pc)(xen_pvh)",
]

# C++ (and .S): no exceptions, no RTTI, no guards around local statics.
KERNEL_CXXOPTS = KERNEL_COPTS + [
    "-fno-exceptions",
    "-fno-rtti",
    "-fno-threadsafe-statics",
]

# Linker flags other than the scripts (kernel_image adds those).
KERNEL_LINKFLAGS = [
    "-nostdlib",
    "-static",
    "-no-pie",
    "-Wl,-z,max-page-size=0x1000",
    "-Wl,-z,noexecstack",
    "-Wl,--build-id=none",
    # One RWX PT_LOAD on purpose: multiboot loads the file flat.
    "-Wl,--no-warn-rwx-segments",
]

def kernel_image(name, deps, **kwargs):
    """A kernel ELF linked with examples/kernel/kernel.ld.

    Args:
      name: the image's name.
      deps: the entry path's libraries (they bring //examples/kernel:common).
      **kwargs: passed to cc_binary (testonly, visibility, ...).
    """
    native.cc_binary(
        name = name,
        additional_linker_inputs = [
            "//examples/kernel:kernel.ld",
            "//linker_scripts:linktable-sections.ld",
        ],
        linkopts = KERNEL_LINKFLAGS + [
            # Where kernel.ld's INCLUDE linktable-sections.ld is found; ld
            # reads the script when it meets -T, so -L comes first.
            "-Wl,-L,linker_scripts",
            "-Wl,-T,$(location //examples/kernel:kernel.ld)",
        ],
        deps = deps,
        **kwargs
    )

def flags_file(name, flags):
    """A text file with one flag per line, for tests that run the compiler.

    Args:
      name: the target (and file) name.
      flags: the flags (none may contain a single quote).
    """
    native.genrule(
        name = name,
        outs = [name + ".txt"],
        cmd = "printf '%%s\\n' %s > $@" % " ".join(["'%s'" % f for f in flags]),
    )
