// earlyinit-audit: the bytes of one input, mapped from its file (pages are
// read only when touched: a 40 MB executable's code is never read) or
// taken from memory. The ELF objects read from it, and every view into
// them (section names, symbol names, metadata records), share it.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_FILE_BYTES_H
#define EARLYINIT_SRC_AUDIT_TABLES_FILE_BYTES_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace audit {

class FileBytes {
 public:
  // Maps a regular file privately (writable copy-on-write pages, since
  // libelf takes a char*); nullptr with *error set when it cannot.
  static std::shared_ptr<FileBytes> Map(const std::string& path, std::string* error);
  static std::shared_ptr<FileBytes> FromString(std::string bytes);
  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  char* data() { return data_; }
  size_t size() const { return size_; }
  std::string_view view() const { return std::string_view(data_, size_); }
  // The whole pages inside `bytes` (a view of these bytes) leave the
  // resident set: for bytes read once and not kept (an executable's
  // .symtab, once indexed). Read again, they come back from the file,
  // unchanged (never written: nothing writes into the pages). No-op for
  // bytes taken from memory.
  void Drop(std::string_view bytes) const;

  // Makes a mapped file that shrinks while it is read (another process
  // rewriting it) end the tool with exit status 2 and a message naming the
  // file, instead of the SIGBUS such a read raises. Call once, in main.
  static void ReportTruncation();

 private:
  FileBytes() = default;
  std::string owned_;    // FromString
  char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;  // Map: munmap at the end
};

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_FILE_BYTES_H
