#include "src/audit/file_bytes.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace audit {

std::shared_ptr<FileBytes> FileBytes::FromString(std::string bytes) {
  std::shared_ptr<FileBytes> f(new FileBytes);
  f->owned_ = std::move(bytes);
  f->data_ = &f->owned_[0];
  f->size_ = f->owned_.size();
  return f;
}

std::shared_ptr<FileBytes> FileBytes::Map(const std::string& path, std::string* error) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    *error = path + ": not a regular file";
    return nullptr;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = path + ": cannot open: " + strerror(errno);
    return nullptr;
  }
  if (fstat(fd, &st) != 0 || st.st_size < 0) {
    close(fd);
    *error = path + ": cannot read";
    return nullptr;
  }
  std::shared_ptr<FileBytes> f(new FileBytes);
  f->data_ = &f->owned_[0];
  if (st.st_size > 0) {
    void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      close(fd);
      *error = path + ": cannot read";
      return nullptr;
    }
    f->data_ = static_cast<char*>(p);
    f->size_ = static_cast<size_t>(st.st_size);
    f->mapped_ = true;
  }
  close(fd);
  return f;
}

void FileBytes::Drop(std::string_view bytes) const {
  if (!mapped_ || bytes.data() < data_ || bytes.data() + bytes.size() > data_ + size_) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(bytes.data()) + page - 1) / page * page;
  const uintptr_t end = (reinterpret_cast<uintptr_t>(bytes.data()) + bytes.size()) / page * page;
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

FileBytes::~FileBytes() {
  if (mapped_) munmap(data_, size_);
}

}  // namespace audit
