"""bench_variants: a benchmark program's generated steps and the four
dispatch variants, compiled with -DBENCH_RECORD (each step records its id)."""

_GENERATED = [
    "bench_steps.h",
    "expected.h",
    "ei_steps.c",
    "ei_impls_0.c",
    "fns_0.c",
    "direct.c",
    "arrays.c",
    "shared.c",
]

def bench_variants(name, n, growth):
    outs = [name + "/" + f for f in _GENERATED]
    native.genrule(
        name = name + "_src",
        srcs = ["gen.py"],
        outs = outs,
        # One file per kind: the chunk holds every entry of these sizes.
        cmd = "python3 $(location gen.py) dispatch $(RULEDIR)/%s %d --growth %d --chunk 100000" % (name, n, growth),
    )
    native.cc_library(
        name = name,
        testonly = True,
        srcs = [o for o in outs if o.endswith(".c")] + ["dispatch/variants.c"],
        hdrs = [o for o in outs if o.endswith(".h")] + ["dispatch/variants.h"],
        includes = [name],
        copts = ["-DBENCH_RECORD"],
        alwayslink = True,
        linkstatic = True,
        deps = [
            "//:earlyinit_x86",
            "@boost//:preprocessor",
        ],
    )
