#include "src/audit/logs/log_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace audit {

bool ReadLog(const std::string& path, std::string* text, std::string* error) {
  const int fd = path == "-" ? 0 : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read log " + path + ": " + std::strerror(errno);
    return false;
  }
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text->append(buf, static_cast<size_t>(n));
  const int saved = errno;
  if (fd != 0) close(fd);
  if (n < 0) *error = "cannot read log " + path + ": " + std::strerror(saved);
  return n == 0;
}

}  // namespace audit
