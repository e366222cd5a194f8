// error_codes.h: the error codes steps return (Linux's values, negated).
#ifndef EXAMPLES_KERNEL_ERROR_CODES_H
#define EXAMPLES_KERNEL_ERROR_CODES_H

namespace kernel {
constexpr int kENOENT = -2;
constexpr int kEIO = -5;
constexpr int kENODEV = -19;
constexpr int kEINVAL = -22;
}  // namespace kernel

#endif  // EXAMPLES_KERNEL_ERROR_CODES_H
