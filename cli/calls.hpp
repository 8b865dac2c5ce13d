// The `calls` command (cli/calls.cpp).
#pragma once
#include <string>
#include <vector>

namespace tierscope_cli {
// Reads a file (or stdin for "-"); throws Failure with the reason (common.cpp).
std::string read_input_file(const std::string& path);
// operations_text empty: the built-in operations table. Throws std::runtime_error.
int run_calls(const std::vector<std::string>& files, const std::string& format, const std::string& operations_text, bool color);
// A calls report (JSON text) in a format: json, text or markdown.
std::string render_calls(const std::string& report_json, const std::string& format, bool color);
// calls --scan DIR [CONFIG] (project.cpp): the calls found in the folder's code.
int run_calls_scan(const std::string& dir, const std::vector<std::string>& config, const std::string& format,
                   const std::string& operations_text, bool color);
}
