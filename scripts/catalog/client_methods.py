#!/usr/bin/env python3
"""Builds data/client-methods.json: the methods of HubSpot's official API clients -> HTTP method and path.

Reads the published npm package @hubspot/api-client (`npm pack @hubspot/api-client`, unpacked, or the
.tgz): its discovery classes give the chains (client.crm.contacts.basicApi) and its generated request
factories give each method's path and HTTP method (both generated from HubSpot's OpenAPI files).
The Python client (hubspot-api-client) is generated from the same files with the same generator;
when its package is not at hand, its names are derived (snake_case of each part) and marked so.

The Python client's own names and paths are read from its source when given (--python-package DIR: a
source tree of HubSpot/hubspot-api-python with hubspot/ and VERSION; SOURCE says where it came from):
its discovery classes (hubspot/client.py, hubspot/discovery/**/discovery.py) give the chains
(client.crm.contacts.basic_api) and its generated api/*_api.py files each method's call_api(path, METHOD).

Usage: client_methods.py PACKAGE_DIR_OR_TGZ [--python-package DIR [SOURCE]] > data/client-methods.json
"""
import json
import os
import re
import sys
import tarfile
import tempfile

GETTER = re.compile(r"get (\w+)\(\): (\w+);")
PROP = re.compile(r"^\s+(\w+): (\w+Api);", re.M)
IMPORT = re.compile(r"import (?:type )?(?:\{ )?([\w, ]+?)(?: \})? from '([^']+)';")
METHOD = re.compile(r"^    (\w+)\(([^)]*)\) \{\n(.*?)^    \}", re.M | re.S)
PATH = re.compile(r"const localVarPath = '([^']+)'")
VERB = re.compile(r"HttpMethod\.(\w+)\)")


def snake(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def imports(text, here):
    out = {}
    for names, path in IMPORT.findall(text):
        for n in names.split(","):
            out[n.strip()] = os.path.normpath(os.path.join(here, path))
    return out


def factory_methods(api_js):
    """{method: (HTTP method, path)} from a generated XxxApi.js request factory."""
    text = open(api_js, encoding="utf-8").read()
    start = text.find("RequestFactory extends")
    end = text.find("ResponseProcessor", start)
    out = {}
    for name, _args, body in METHOD.findall(text[start:end]):
        p, v = PATH.search(body), VERB.search(body)
        if p and v:
            out[name] = (v.group(1), p.group(1))
    return out


def walk(lib, dts, chain, seen, table):
    if dts in seen or not os.path.exists(dts):
        return
    seen.add(dts)
    text = open(dts, encoding="utf-8").read()
    here = os.path.dirname(dts)
    imp = imports(text, here)
    for prop, cls in PROP.findall(text):
        base = imp.get(cls)
        if not base:
            continue
        api_js = os.path.join(base if os.path.isdir(base) else os.path.dirname(base), "apis", cls + ".js")
        if not os.path.exists(api_js):
            continue
        for m, (verb, path) in factory_methods(api_js).items():
            table[".".join(chain + [prop, m])] = [verb, path]
    for getter, cls in GETTER.findall(text):
        target = imp.get(cls)
        if target:
            walk(lib, target + ".d.ts", chain + [getter], seen, table)


PY_ALIAS = re.compile(r"^import (hubspot[\w.]*) as api_client$", re.M)
PY_PROPERTY = re.compile(r"    @property\n    def (\w+)\(self\)[^:]*:\n(.*?)(?=\n    @|\n    def |\Z)", re.S)
PY_SUB = re.compile(r"from (\.+[\w.]*)\.discovery import Discovery\b")
PY_API = re.compile(r"_configure_api_client\(api_client, \"(\w+)\"\)")
PY_IMPORT_API = re.compile(r"^from ([\w.]+) import (\w+)$", re.M)
PY_METHOD = re.compile(r"    def (\w+)_with_http_info\(self.*?(?=\n    def |\Z)", re.S)
PY_CALL = re.compile(r"call_api\(\s*\"([^\"]+)\",\s*\"(\w+)\"")


def py_module_file(root, dotted):
    """hubspot.crm.contacts -> ROOT/hubspot/crm/contacts/__init__.py (or .py)."""
    base = os.path.join(root, *dotted.split("."))
    return os.path.join(base, "__init__.py") if os.path.isdir(base) else base + ".py"


def py_relative(package, rel):
    """from .x.discovery in package a.b.c -> a.b.c.x.discovery (each further dot one package up)."""
    dots = len(rel) - len(rel.lstrip("."))
    parts = package.split(".")
    if dots > 1:
        parts = parts[: len(parts) - (dots - 1)]
    rest = rel.lstrip(".")
    return ".".join(parts + ([rest] if rest else []) + ["discovery"])


def py_api_methods(root, module, cls):
    """{snake_method: (HTTP method, path)} of one generated XxxApi class of the Python client."""
    init = open(py_module_file(root, module), encoding="utf-8").read()
    where = next((m for m, c in PY_IMPORT_API.findall(init) if c == cls), None)
    if not where:
        return {}
    text = open(py_module_file(root, where), encoding="utf-8").read()
    out = {}
    for m in PY_METHOD.finditer(text):
        call = PY_CALL.search(m.group(0))
        if call:
            out[m.group(1)] = (call.group(2).upper(), call.group(1))
    return out


def py_walk(root, dotted, chain, seen, table):
    """Walks the Python client's discovery classes (hubspot/client.py, hubspot/discovery/**/discovery.py)."""
    path = py_module_file(root, dotted)
    if path in seen or not os.path.exists(path):
        return
    seen.add(path)
    text = open(path, encoding="utf-8").read()
    package = dotted if path.endswith("__init__.py") else dotted.rsplit(".", 1)[0]
    alias = PY_ALIAS.search(text)
    for name, body in PY_PROPERTY.findall(text):
        sub = PY_SUB.search(body)
        api = PY_API.search(body)
        if sub:
            py_walk(root, py_relative(package, sub.group(1)), chain + [name], seen, table)
        elif api and alias:
            for m, (verb, p) in py_api_methods(root, alias.group(1), api.group(1)).items():
                table[".".join(chain + [name, m])] = [verb, p]


def python_table(root):
    """(version, {chain: [verb, path]}) from a source tree of hubspot-api-python (holding hubspot/ and VERSION)."""
    table = {}
    py_walk(root, "hubspot.client", [], set(), table)
    version = open(os.path.join(root, "VERSION"), encoding="utf-8").read().strip()
    return version, dict(sorted(table.items()))


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    src = args[0]
    tmp = None
    if src.endswith(".tgz"):
        tmp = tempfile.mkdtemp()
        with tarfile.open(src) as t:
            t.extractall(tmp, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(tmp)
        src = os.path.join(tmp, "package")
    pkg = json.load(open(os.path.join(src, "package.json"), encoding="utf-8"))
    lib = os.path.join(src, "lib")
    table = {}
    walk(lib, os.path.join(lib, "src", "client.d.ts"), [], set(), table)
    js = dict(sorted(table.items()))
    py_source = None
    if "--python-package" in args:
        i = args.index("--python-package")
        py_dir, py_source = args[i + 1], args[i + 2] if len(args) > i + 2 and not args[i + 2].startswith("--") else ""
        py_version, py = python_table(py_dir)
        if not py:
            sys.exit(f"{py_dir}: no client methods found (a source tree of hubspot-api-python: hubspot/client.py, VERSION)")
    else:
        py_version, py = None, {".".join(snake(p) for p in k.split(".")): v for k, v in js.items()}
    doc = {
        "about": "Methods of HubSpot's official API clients -> [HTTP method, path]. Generated by scripts/catalog/client_methods.py; do not edit.",
        "javascript": {"package": "@hubspot/api-client", "version": pkg["version"],
                       "source": "npm pack @hubspot/api-client (lib/src/discovery + lib/codegen request factories)",
                       "methods": js},
        "python": {"package": "hubspot-api-client", "version": py_version,
                   "source": ("the Python client's source (hubspot/client.py, hubspot/discovery/**, the generated "
                              "api/*_api.py call_api paths)" + (f": {py_source}" if py_source else "")) if py_version else
                             "derived: snake_case of the JavaScript names (the Python package was not reachable from "
                             "this machine's package index; both clients are generated from the same OpenAPI files)",
                   "methods": dict(sorted(py.items()))},
    }
    # Compact, one method a line (a reviewable diff when a client changes).
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    sys.stdout.write(re.sub(r'\],(?="[^"]+":\[")', "],\n", text) + "\n")


if __name__ == "__main__":
    main()
