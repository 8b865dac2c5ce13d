"""Adds up the test counts of ctest and node --test logs and prints one closing line."""
import re, sys
passed = failed = 0
uncounted = []  # logs with no test counts at all: the stage stopped before its tests (e.g. a build error)
for path in sys.argv[1:]:
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        continue
    m = re.search(r"(\d+)% tests passed, (\d+) tests failed out of (\d+)", text)
    if m:
        failed += int(m.group(2)); passed += int(m.group(3)) - int(m.group(2))
    p = re.findall(r"^# pass (\d+)", text, re.M); f = re.findall(r"^# fail (\d+)", text, re.M)
    if p: passed += int(p[-1])
    if f: failed += int(f[-1])
    if not m and not p:
        uncounted.append(path)
print(f"tierscope: {passed} passed, {failed} failed" + (f"; no test ran in {', '.join(uncounted)} (see its log)" if uncounted else ""))
sys.exit(1 if failed or not passed or uncounted else 0)
