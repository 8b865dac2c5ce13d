// A HAR file read piece by piece, for files of any size (the CLI streams a file, the page a
// File.stream()): a small JSON scanner that keeps only log.entries[].request.{method,url}.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tierscope {

class HarStream {
 public:
  struct Found {
    std::size_t entry;  // 1-based entry number
    std::string method, url;
  };
  struct End {
    bool truncated;       // the JSON ends before it is complete (the entries before the cut were read)
    std::uint64_t bytes;  // bytes read
  };
  HarStream();
  ~HarStream();
  HarStream(const HarStream&) = delete;
  HarStream& operator=(const HarStream&) = delete;
  // Throws InputError (parse-error) for JSON that is invalid or nested too deep.
  void feed(std::string_view chunk);
  std::vector<Found> take();  // the requests read since the last take()
  // Throws InputError when the input is empty or not a HAR (no log, or a complete JSON without entries).
  End end() const;
  std::uint64_t bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tierscope
