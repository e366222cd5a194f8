/* README context of the self-test */
#include "demo/demo.h"
