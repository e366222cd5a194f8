/* README context of the self-test: the headers, in their order */
#include "demo/late.h"
#include "demo/demo.h"
