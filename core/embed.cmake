# cmake -DIN=file.json -DOUT=file.cpp [-DSYMBOL=kName] -P embed.cmake : writes the file as a
# NUL-terminated char array tierscope::detail::SYMBOL (default kCatalogJson) and SYMBOL##Size.
if(NOT SYMBOL)
  set(SYMBOL kCatalogJson)
endif()
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "// Generated from ${IN} by core/embed.cmake. Do not edit.\n#include <cstddef>\nnamespace tierscope::detail {\nextern const char ${SYMBOL}[] = {\n${body}0x00};\nextern const std::size_t ${SYMBOL}Size = sizeof(${SYMBOL}) - 1;\n}\n")
