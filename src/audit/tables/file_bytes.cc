#include "src/audit/tables/file_bytes.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace audit {

namespace {

// The mapped files, for the SIGBUS handler: fixed storage it can read
// without allocating (an input beyond the table is mapped all the same,
// and reported without its name).
struct MappedFile {
  const char* begin;
  const char* end;
  char path[256];
};
constexpr int kMaxNamed = 64;
MappedFile g_mapped[kMaxNamed];

void Remember(const char* begin, size_t size, const std::string& path) {
  for (MappedFile& m : g_mapped) {
    if (m.begin) continue;
    m.begin = begin;
    m.end = begin + size;
    snprintf(m.path, sizeof m.path, "%s", path.c_str());
    return;
  }
}

void Forget(const char* begin) {
  for (MappedFile& m : g_mapped)
    if (m.begin == begin) m.begin = m.end = nullptr;
}

void Say(const char* s) {
  ssize_t ignored = write(2, s, strlen(s));
  (void)ignored;
}

// Async-signal-safe: write and _exit only.
void OnBusError(int, siginfo_t* info, void*) {
  const char* at = static_cast<const char*>(info->si_addr);
  const char* name = "an input file";
  for (const MappedFile& m : g_mapped)
    if (m.begin && at >= m.begin && at < m.end) name = m.path;
  Say("earlyinit-audit: ");
  Say(name);
  Say(": the file was truncated while it was being read; run again once nothing writes it\n");
  _exit(2);
}

}  // namespace

void FileBytes::ReportTruncation() {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = OnBusError;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGBUS, &sa, nullptr);
}

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
    Remember(f->data_, f->size_, path);
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
  if (!mapped_) return;
  Forget(data_);
  munmap(data_, size_);
}

}  // namespace audit
