/* Must come before demo/demo.h, as earlyinit/x86_subarchs.h must come
 * before earlyinit/earlyinit.h. */
#ifndef DEMO_LATE_H
#define DEMO_LATE_H
#ifdef DEMO_H
#error "demo/late.h: included after demo/demo.h"
#endif
#endif
