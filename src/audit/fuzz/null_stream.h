// An output stream for the fuzz targets: the renderers format and write
// every byte as they would to a file, and none is kept (no growing string
// to copy, as an std::ostringstream would, per input).
#ifndef EARLYINIT_SRC_AUDIT_FUZZ_NULL_STREAM_H
#define EARLYINIT_SRC_AUDIT_FUZZ_NULL_STREAM_H

#include <ostream>
#include <streambuf>

namespace audit_fuzz {

class NullBuf : public std::streambuf {
 public:
  NullBuf() { setp(buf_, buf_ + sizeof buf_); }

 protected:
  // The buffer is full: forget it.
  int_type overflow(int_type c) override {
    setp(buf_, buf_ + sizeof buf_);
    return traits_type::not_eof(c);
  }

 private:
  char buf_[1024];
};

// The buffer is a base, so that it is built before the stream that uses it.
class NullStream : private NullBuf, public std::ostream {
 public:
  NullStream() : std::ostream(static_cast<NullBuf*>(this)) {}
};

}  // namespace audit_fuzz

#endif  // EARLYINIT_SRC_AUDIT_FUZZ_NULL_STREAM_H
