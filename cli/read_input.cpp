#include "read_input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tierscope_cli {
namespace {
std::string limit_text(std::size_t limit) {
  std::string text = std::to_string(limit) + " bytes";
  if (limit % (1 << 20) == 0) text += " (" + std::to_string(limit >> 20) + " MiB)";
  return text;
}

struct Fd {  // closes what it opened, not stdin
  int fd;
  bool owned;
  ~Fd() {
    if (owned) ::close(fd);
  }
};
}  // namespace

std::string read_input(const std::string& path, std::size_t limit) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "the input" : path;  // stdin: the core's words (parity with the JS API)
  Fd in{is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC), !is_stdin};
  if (in.fd < 0) throw std::runtime_error("cannot read " + name + ": " + std::strerror(errno));
  struct stat st {};
  // stdin may have no status to give (the npx bin's stdin under node): then it is simply read.
  if (::fstat(in.fd, &st) != 0 && !is_stdin) throw std::runtime_error("cannot read " + name + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw std::runtime_error("cannot read " + name + ": it is a directory, not a file");
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > limit)  // known before reading
    throw std::runtime_error(name + " is more than " + std::to_string(limit) + " bytes; the limit is " + limit_text(limit));
  std::string text;
  char buffer[65536];
  for (;;) {
    // Never more than limit + 1 bytes: one byte past the limit is enough to refuse.
    std::size_t want = std::min(sizeof buffer, limit + 1 - text.size());
    ssize_t got = ::read(in.fd, buffer, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot read " + name + ": " + std::strerror(errno));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > limit)
      throw std::runtime_error(name + " is more than " + std::to_string(limit) + " bytes; the limit is " + limit_text(limit));
  }
  return text;
}

}  // namespace tierscope_cli
