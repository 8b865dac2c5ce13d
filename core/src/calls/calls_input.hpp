// Reading the API calls an app makes: lines of `METHOD /path`, plain URLs, or a HAR file.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/request.hpp"

namespace tierscope {

constexpr std::size_t kMaxCallsInputBytes = 16u << 20;  // a HAR with response bodies is large
constexpr std::size_t kMaxCalls = 2000;                  // distinct calls

struct Call {
  std::size_t line = 0;          // first line (lists) or entry number (HAR), 1-based
  std::string method;            // upper-case
  bool method_assumed = false;   // a bare URL: GET unless only another method matches
  std::string host;              // lower-case; empty for a bare path
  std::string path;              // without query, fragment or trailing slash
  std::vector<std::string> segments;
  std::size_t count = 1;         // how often the same method + path was seen
};

struct CallsInput {
  std::string format;  // list | har
  std::vector<Call> calls;
  std::size_t other_hosts = 0;  // requests to hosts that are not HubSpot's API
  std::vector<Diagnostic> diagnostics;
};

// Auto-detects the format. Throws InputError for input that cannot be read at all (too large, not
// UTF-8, a JSON document that is not a HAR); bad lines and a cut-off HAR become diagnostics.
CallsInput read_calls(std::string_view text);

// A HAR of any size read in pieces (calls/har_stream.hpp): the calls read_calls would give for the
// whole text, with positions in bytes. feed() and finish() throw InputError as read_calls does.
class HarCalls {
 public:
  HarCalls();
  ~HarCalls();
  void feed(std::string_view chunk);
  CallsInput finish();
  std::uint64_t bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for HubSpot's public API hosts: api.hubapi.com, api.hubspot.com, api-eu1.hubapi.com, ...
bool hubspot_api_host(std::string_view host);

}  // namespace tierscope
