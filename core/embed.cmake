# cmake -DIN=file.json -DOUT=file.cpp -P embed.cmake : writes the file as a NUL-terminated char array.
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "// Generated from data/hubspot-scopes.json by core/embed.cmake. Do not edit.\n#include <cstddef>\nnamespace tierscope::detail {\nextern const char kCatalogJson[] = {\n${body}0x00};\nextern const std::size_t kCatalogJsonSize = sizeof(kCatalogJson) - 1;\n}\n")
