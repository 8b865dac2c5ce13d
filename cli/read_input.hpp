// Reading a FILE or stdin for the CLI, bounded: never more than limit + 1 bytes are read, whatever
// the path is (a regular file, a pipe, /dev/zero, /dev/urandom).
#pragma once
#include <cstddef>
#include <string>

namespace tierscope_cli {

// Reads PATH ("-" = stdin) whole. Throws std::runtime_error naming the path (the CLI exits 2) when
// it is missing, a directory, unreadable, or longer than limit bytes.
std::string read_input(const std::string& path, std::size_t limit);

}  // namespace tierscope_cli
