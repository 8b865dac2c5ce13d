"""CLI tests: exit codes, formats, gates, file and stdin input. Usage: test_cli.py PATH/TO/tierscope"""
import json
import os
import pty
import select
import subprocess
import sys
import tempfile
import unittest

TIERSCOPE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/cli/tierscope"


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, **extra}


def run(*args, stdin=None, env=None):
    p = subprocess.run([TIERSCOPE, *args], input=stdin, capture_output=True, timeout=60,
                       env=env if env is not None else clean_env())
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def run_on_terminal(*args, env):
    """stdout on a pseudo-terminal (as in an interactive shell); returns what was written there."""
    main, child = pty.openpty()
    p = subprocess.Popen([TIERSCOPE, *args], stdout=child, stderr=subprocess.DEVNULL, env=env)
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    p.wait(timeout=30)
    os.close(main)
    return out.decode("utf-8")


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


class Check(unittest.TestCase):
    def test_json_from_flags(self):
        code, out, err = run("check", "--format", "json", "--required", "oauth automation", "--optional", "tickets")
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertEqual(r["request"]["required"], ["automation", "oauth"])
        self.assertEqual(r["request"]["optional"], ["tickets"])
        by_id = {p["id"]: p["status"] for p in r["profiles"]}
        self.assertEqual(by_id["free"], "permission-error")
        self.assertEqual(by_id["marketing-professional"], "installs")
        self.assertTrue(out.endswith("}\n"))

    def test_stdin_and_file_are_auto_detected(self):
        url = "https://app.hubspot.com/oauth/authorize?client_id=1&scope=oauth%20automation&optional_scope=content"
        code, out, _ = run("check", "--format", "json", "-", stdin=url.encode())
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["input"]["format"], "install-url")
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "public-app.json", json.dumps({"name": "X", "auth": {"requiredScopes": ["oauth"]}}))
            code, out, _ = run("check", "--format", "json", path)
            self.assertEqual(code, 0)
            self.assertEqual(json.loads(out)["input"]["format"], "public-app")

    def test_same_json_from_file_and_stdin(self):
        text = "oauth automation crm-access contacts"
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "list.txt", text)
            a = run("check", "--format", "json", path)[1]
        b = run("check", "--format", "json", "-", stdin=text.encode())[1]
        self.assertEqual(a, b)

    def test_table_is_a_matrix_without_colour_when_piped(self):
        code, out, _ = run("check", "--required", "oauth automation")
        self.assertEqual(code, 0)
        self.assertIn("Starter", out)
        self.assertIn("Marketing Hub", out)
        self.assertIn("✓ installs", out)
        self.assertIn("✗ permission error", out)
        self.assertIn("Installs on 2 of 19 standard tiers · 50.0 % of 65,536 account configurations", out)
        self.assertNotIn("\033[", out)
        _, coloured, _ = run("check", "--color", "--required", "oauth automation")
        self.assertIn("\033[32m", coloured)

    def test_markdown(self):
        code, out, _ = run("check", "--format", "markdown", "--required", "oauth automation")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith("### tierscope: installs on 2 of 19 standard tiers"))
        self.assertIn("| Profile | Result | Missing |", out)

    def test_profile_limits_rows(self):
        code, out, _ = run("check", "--format", "json", "--required", "oauth", "--profile", "free", "--profile", "sales-starter")
        self.assertEqual(code, 0)
        self.assertEqual([p["id"] for p in json.loads(out)["profiles"]], ["free", "sales-starter"])
        code, _, err = run("check", "--required", "oauth", "--profile", "gold")
        self.assertEqual(code, 2)
        self.assertIn("unknown profile", err)

    def test_require_install_on_is_a_gate(self):
        code, _, err = run("check", "--required", "oauth automation", "--require-install-on", "marketing-professional")
        self.assertEqual(code, 0, err)
        code, _, err = run("check", "--required", "oauth automation", "--require-install-on", "marketing-professional",
                           "--require-install-on", "free")
        self.assertEqual(code, 1)
        self.assertIn("gate failed: free is permission-error", err)
        code, _, err = run("check", "--required", "oauth crm-access", "--require-install-on", "free")
        self.assertEqual(code, 1)  # uncertain is not a pass
        self.assertIn("uncertain", err)

    def test_gate_result_in_json_and_markdown(self):
        args = ["check", "--required", "oauth automation", "--require-install-on", "marketing-professional",
                "--require-install-on", "free"]
        code, out, _ = run(*args, "--format", "json")
        self.assertEqual(code, 1)
        self.assertEqual(json.loads(out)["gate"], {"profiles": ["marketing-professional", "free"], "failed": ["free"], "ok": False})
        code, out, _ = run(*args[:-2], "--format", "json")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["gate"], {"profiles": ["marketing-professional"], "failed": [], "ok": True})
        self.assertNotIn('"gate"', run("check", "--format", "json", "--required", "oauth")[1])  # no gate asked: the API's report
        code, out, _ = run(*args, "--format", "markdown")
        self.assertEqual(code, 1)
        self.assertIn("**Gate: ❌ failed** on free · must install on: marketing-professional, free", out)
        code, out, _ = run(*args[:-2], "--format", "markdown")
        self.assertIn("**Gate: ✅ passed**", out)
        code, out, _ = run(*args)
        self.assertIn("Gate (--require-install-on marketing-professional, free): failed on free", out)
        code, out, err = run(*args[:3], "--require-install-on", "gold", "--format", "json")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("unknown profile gold", err)

    def test_a_request_with_no_scopes_fails_a_gate(self):
        for stdin in [b"", b"\n", b'{"auth": {"requiredScopes": []}}']:
            code, out, err = run("check", "--require-install-on", "free", "--format", "json", "-", stdin=stdin)
            self.assertEqual(code, 1, stdin)
            self.assertEqual(json.loads(out)["gate"], {"profiles": ["free"], "failed": ["free"], "ok": False})
            self.assertIn("gate failed: free (the request has no scopes)", err)
        code, out, _ = run("check", "--require-install-on", "free", "--format", "markdown", "-", stdin=b"")
        self.assertIn("**Gate: ❌ failed** on free (the request has no scopes)", out)

    def test_without_conditional(self):
        args = ["check", "--format", "json", "--required", "oauth", "--conditional", "automation"]
        with_c = json.loads(run(*args)[1])
        without = json.loads(run(*args, "--without-conditional")[1])
        self.assertEqual(with_c["coverage"]["combinations"]["installs"], 32768)
        self.assertEqual(without["coverage"]["combinations"]["installs"], 65536)
        self.assertTrue(without["input"]["without_conditional"])

    def test_account(self):
        code, out, _ = run("check", "--format", "json", "--required", "transactional-email",
                           "--account", "marketing=professional,transactional_email_addon")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["account"]["status"], "installs")
        code, _, err = run("check", "--required", "oauth", "--account", "marketing=gold")
        self.assertEqual(code, 2)
        self.assertIn("unknown tier", err)

    def test_unreadable_input_exits_2_with_what_and_where(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "app.json", '{\n  "auth": {\n    "requiredScopes": ["oauth",]\n  }\n}')
            code, out, err = run("check", path)
            self.assertEqual(code, 2)
            self.assertEqual(out, "")
            self.assertIn("app.json: the input: invalid JSON at line 3", err)
            self.assertTrue(err.startswith("tierscope: "))
        code, _, err = run("check", "-", stdin=b"oauth\x00tickets")
        self.assertEqual(code, 2)
        self.assertIn("NUL byte at byte offset 5", err)
        code, _, err = run("check", "-", stdin=b"[" * 200000)
        self.assertEqual(code, 2)
        self.assertIn("nested deeper than 64", err)
        code, _, err = run("check", "-", stdin=b"a" * (10 * 1024 * 1024))
        self.assertEqual(code, 2)
        self.assertIn("limit is 1048576 bytes", err)
        code, _, err = run("check", "-", stdin=b"oauth \xc3\x28")
        self.assertEqual(code, 2)
        self.assertIn("not valid UTF-8", err)
        code, _, err = run("check", "--url", "https://app.hubspot.com/oauth/authorize?client_id=1")
        self.assertEqual(code, 2)
        self.assertIn("no scope parameter", err)
        code, _, err = run("check", "/no/such/file.json")
        self.assertEqual(code, 2)
        self.assertIn("cannot read /no/such/file.json", err)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run("check")[0], 2)
        self.assertEqual(run("check", "--format", "xml", "--required", "oauth")[0], 2)
        self.assertEqual(run("check", "--bogus")[0], 2)
        self.assertEqual(run("frobnicate")[0], 2)
        self.assertEqual(run("check", "--required")[0], 2)
        self.assertEqual(run("check", "--required=")[0], 2)
        code, out, err = run("scopes", "extra")
        self.assertEqual((code, out), (2, ""))
        self.assertTrue(err.startswith("tierscope: "))
        code, _, err = run("frobnicate")
        self.assertIn("unknown command frobnicate", err)
        code, _, err = run()
        self.assertEqual(code, 2)
        self.assertIn("no command", err)

    def test_help_and_version(self):
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        for command in ["check", "url", "migrate", "diff", "scopes", "--version"]:
            self.assertIn(command, out)
        self.assertEqual(run("help")[1], out)
        code, out, _ = run("check", "--help")  # the command's own help, not the global one
        self.assertEqual(code, 0)
        self.assertIn("Usage: tierscope check", out)
        for flag in ["--required", "--conditional", "--optional", "--url", "--format", "--profile",
                     "--require-install-on", "--without-conditional", "--catalog", "--account", "--no-color"]:
            self.assertIn(flag, out)
        self.assertEqual(run("help", "check")[1], out)
        for command, flags in [("url", ["--client-id", "--redirect-uri", "--eu", "--account-id"]),
                               ("migrate", ["--scopes", "--format"]), ("diff", ["--without-conditional"]),
                               ("scopes", ["--search", "--catalog"])]:
            code, out, _ = run(command, "--help")
            self.assertEqual(code, 0)
            self.assertIn("Usage: tierscope " + command, out)
            for flag in flags:
                self.assertIn(flag, out)
            self.assertNotIn("--require-install-on", out)
        for flag in ["--version", "-V"]:
            code, out, _ = run(flag)
            self.assertEqual(code, 0)
            self.assertRegex(out, r"^tierscope \d+\.\d+\.\d+ \(scope catalog as of \d{4}-\d\d-\d\d\)\n$")

    def test_option_equals_value(self):
        a = run("check", "--format", "json", "--required", "oauth automation", "--profile", "free")
        b = run("check", "--format=json", "--required=oauth automation", "--profile=free")
        self.assertEqual(a, b)
        self.assertEqual(a[0], 0)
        self.assertEqual([p["id"] for p in json.loads(b[1])["profiles"]], ["free"])
        # --profile takes one value per occurrence: the word after it stays an input.
        code, out, err = run("check", "--format=json", "--profile", "free", "-", stdin=b"oauth")
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["request"]["required"], ["oauth"])
        # Given twice, the last --format wins (as before CLI11).
        self.assertEqual(json.loads(run("check", "--format", "table", "--format", "json", "--required", "oauth")[1])["request"]["required"], ["oauth"])
        code, _, err = run("check", "--format=xml", "--required", "oauth")
        self.assertEqual(code, 2)
        self.assertIn("must be table, json or markdown, not xml", err)
        self.assertIn("tierscope check --help", err)
        code, _, err = run("scopes", "--format", "markdown")
        self.assertEqual(code, 2)
        self.assertIn("must be table or json", err)

    def test_colour_follows_no_color_and_force_color(self):
        args = ("check", "--required", "oauth automation")
        self.assertIn("\033[32m", run_on_terminal(*args, env=clean_env()))
        self.assertIn("\033[32m", run_on_terminal(*args, env=clean_env(NO_COLOR="")))  # empty: not set (no-color.org)
        self.assertNotIn("\033[", run_on_terminal(*args, env=clean_env(NO_COLOR="1")))
        self.assertIn("\033[32m", run_on_terminal(*args, "--color", env=clean_env(NO_COLOR="1")))
        self.assertNotIn("\033[", run_on_terminal(*args, env=clean_env(FORCE_COLOR="0")))
        self.assertNotIn("\033[", run_on_terminal(*args, "--no-color", env=clean_env(FORCE_COLOR="1")))
        self.assertIn("\033[32m", run(*args, env=clean_env(FORCE_COLOR="1"))[1])  # piped, forced
        self.assertIn("\033[32m", run(*args, env=clean_env(FORCE_COLOR="1", NO_COLOR="1"))[1])
        self.assertNotIn("\033[", run(*args, env=clean_env(FORCE_COLOR=""))[1])

    def test_catalog_option(self):
        with tempfile.TemporaryDirectory() as tmp:
            cat = {"as_of": "2031-01-01", "scopes": [
                {"name": "oauth", "requires": "any", "confidence": "documented"},
                {"name": "x.read", "requires": [[{"hub": "sales", "min_tier": "starter"}]], "confidence": "documented"}]}
            path = write(tmp, "cat.json", json.dumps(cat))
            code, out, err = run("check", "--catalog", path, "--format", "json", "--required", "oauth x.read")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["catalog"], {"as_of": "2031-01-01", "scopes": 2})
            self.assertEqual(r["coverage"]["combinations"]["installs"], 3 * 16384)
            cat["scopes"][1]["requires"][0][0]["hub"] = "ops"
            bad = write(tmp, "bad.json", json.dumps(cat))
            code, _, err = run("check", "--catalog", bad, "--required", "oauth")
            self.assertEqual(code, 2)
            self.assertIn('unknown hub "ops"', err)


CONFIG = json.dumps({"name": "Demo", "auth": {"redirectUrls": ["https://x.example/cb"],
                     "requiredScopes": ["oauth", "crm.objects.contacts.read"], "optionalScopes": ["automation"],
                     "conditionallyRequiredScopes": ["tickets"]}})
BASE = "https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fx.example%2Fcb"


class UrlConfig(unittest.TestCase):
    def test_config_and_url_together(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = write(tmp, "public-app.json", CONFIG)
            bad = BASE + "&scope=oauth%20automation"
            code, out, _ = run("check", "--format", "json", cfg, "--url", bad)
            self.assertEqual(code, 0)
            r = json.loads(out)
            self.assertEqual(r["url_check"]["rules_failed"], [1, 5])
            self.assertEqual({p["status"] for p in r["profiles"]}, {"url-mismatch"})
            url_file = write(tmp, "url.txt", BASE + "&scope=oauth%20crm.objects.contacts.read&optional_scope=automation")
            code, out, _ = run("check", "--format", "json", url_file, cfg)  # either order
            self.assertEqual(json.loads(out)["url_check"]["ok"], True)
            code, out, _ = run("check", cfg, "--url", bad, "--require-install-on", "free")
            self.assertEqual(code, 1)
            self.assertIn("a corrected URL", out)

    def test_url_builder(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = write(tmp, "public-app.json", CONFIG)
            code, out, err = run("url", cfg, "--client-id", "abc", "--eu", "--account-id", "7", "--format", "json")
            self.assertEqual(code, 0, err)
            urls = json.loads(out)["urls"]
            self.assertEqual([u["label"] for u in urls], ["base", "with tickets"])
            self.assertTrue(urls[0]["url"].startswith("https://app-eu1.hubspot.com/oauth/7/authorize?client_id=abc&"))
            self.assertIn("scope=oauth%20crm.objects.contacts.read&optional_scope=automation", urls[0]["url"])
            code, out, _ = run("url", cfg)
            self.assertIn("base (installs on 19 of 19 standard tiers", out)
        code, _, err = run("url", "-", stdin=b"oauth tickets")
        self.assertEqual(code, 2)
        self.assertIn("needs an app config", err)

    def test_migrate(self):
        code, out, _ = run("migrate", "--scopes", "contacts content reports social automation")
        self.assertEqual(code, 0)
        self.assertIn("retired", out)
        self.assertIn("Under OAuth 1 every portal could approve the list", out)
        self.assertIn("Recommended:", out)
        code, out, _ = run("migrate", "--format", "json", "-", stdin=b"contacts automation")
        m = json.loads(out)
        self.assertEqual(m["profiles"][0]["oauth2"], "permission-error")
        code, out, _ = run("migrate", "--scopes", "contacts automation", "--format", "markdown")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith("### tierscope migrate: installs on 2 of 19 standard tiers"), out[:120])
        self.assertIn("| contacts | retired |", out)
        self.assertIn("| Free | ❌ permission error | automation |", out)
        self.assertIn("- Optional: automation", out)
        code, out, _ = run("migrate", "--format=markdown", "-", stdin=b"contacts a|b")
        self.assertIn("a\\|b", out)  # input text cannot break the table

    def test_diff(self):
        with tempfile.TemporaryDirectory() as tmp:
            old = write(tmp, "old.txt", "oauth crm.objects.contacts.read")
            new = write(tmp, "new.txt", "oauth crm.objects.contacts.read automation")
            code, out, _ = run("diff", old, new)
            self.assertEqual(code, 0)
            self.assertIn("added (required): automation", out)
            self.assertIn("must re-authorize", out)
            self.assertIn("Free", out)
            code, out, _ = run("diff", new, old, "--format", "json")
            d = json.loads(out)
            self.assertFalse(d["reauthorize"])
            self.assertEqual(d["removed"]["required"], ["automation"])
            code, out, _ = run("diff", old, new, "--format", "markdown")
            self.assertEqual(code, 0)
            self.assertTrue(out.startswith("### tierscope diff: existing installs must re-authorize\n"))
            self.assertIn("| added | required | automation |", out)
            self.assertIn("| Free | ✅ installs | ❌ permission error | automation |", out)
            self.assertIn("Account configurations that install: 65,536 → 32,768", out)
            code, out, _ = run("diff", new, old, "--format=markdown")
            self.assertTrue(out.startswith("### tierscope diff: no re-authorization needed\n"))
            self.assertEqual(run("diff", old)[0], 2)


class Calls(unittest.TestCase):
    CALLS = "GET /crm/v3/objects/contacts/1\nPOST https://api.hubapi.com/crm/v3/objects/0-3\nGET /automation/v4/flows\nbogus line\n"

    def test_json_fields(self):
        code, out, err = run("calls", "-", "--format", "json", stdin=self.CALLS.encode())
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertEqual([c["method"] + " " + c["path"] for c in r["calls"]],
                         ["GET /crm/v3/objects/contacts/1", "POST /crm/v3/objects/0-3", "GET /automation/v4/flows"])
        for c in r["calls"]:
            self.assertIn("operation", c)
            self.assertIn("alternatives", c)
        self.assertEqual(r["least_privilege"]["required"], ["crm.objects.contacts.read", "crm.objects.deals.write", "oauth"])
        self.assertEqual(r["least_privilege"]["optional"], ["automation"])
        self.assertIsNone(r["unused"])
        self.assertIsNone(r["uncovered"])
        self.assertEqual(r["report"]["request"]["required"], r["least_privilege"]["required"])
        self.assertIn("bad-line", [d["code"] for d in r["diagnostics"]])

    def test_with_config_text_and_markdown(self):
        with tempfile.TemporaryDirectory() as tmp:
            calls = write(tmp, "calls.txt", self.CALLS)
            config = write(tmp, "public-app.json", json.dumps({"auth": {"requiredScopes": ["oauth", "crm.objects.contacts.read", "content"]}}))
            code, out, err = run("calls", calls, config, "--format", "json")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual([u["scope"] for u in r["unused"]], ["content"])
            self.assertEqual([u["path"] for u in r["uncovered"]], ["/crm/v3/objects/0-3", "/automation/v4/flows"])
            code, out, err = run("calls", calls, config, "--no-color")
            self.assertEqual(code, 0, err)
            self.assertIn("required: crm.objects.contacts.read crm.objects.deals.write oauth", out)
            self.assertIn("unused required scope content", out)
            self.assertIn("uncovered (403): POST /crm/v3/objects/0-3", out)
            code, out, err = run("calls", calls, "--format", "markdown")
            self.assertEqual(code, 0, err)
            self.assertTrue(out.startswith("## tierscope calls"))

    def test_terminal_output_has_no_control_characters_from_input(self):
        code, out, err = run("calls", "-", "--no-color", stdin=b"GET /crm/v3/objects/contacts/\x1b[31mred\n")
        self.assertEqual(code, 0, err)
        self.assertNotIn("\x1b", out)

    def test_errors_exit_2(self):
        code, _, err = run("calls", "-", stdin=b'{"not": "a har"}')
        self.assertEqual(code, 2)
        self.assertIn("HAR", err)
        code, _, err = run("calls")
        self.assertEqual(code, 2)
        code, _, err = run("calls", "-", "--format", "table", stdin=b"GET /x")
        self.assertEqual(code, 2)
        self.assertIn("--format", err)


class Scopes(unittest.TestCase):
    def test_search(self):
        code, out, _ = run("scopes", "--search", "sensitive.read")
        self.assertEqual(code, 0)
        self.assertIn("crm.objects.contacts.sensitive.read", out)
        self.assertIn("[documented-name]", out)
        self.assertIn("source:", out)
        self.assertNotIn("automation ", out)

    def test_json(self):
        code, out, _ = run("scopes", "--format", "json")
        self.assertEqual(code, 0)
        entries = json.loads(out)
        self.assertEqual(len(entries), 287)
        self.assertEqual({"name", "tier_text", "confidence", "source"} - set(entries[0]), set())


class Inputs(unittest.TestCase):
    def test_did_you_mean_in_the_table(self):
        code, out, _ = run("check", "--required", "oauth crm.objects.tickets.read crm.schemas.line_items.write")
        self.assertEqual(code, 0)
        self.assertIn("Did you mean tickets?", out)
        self.assertIn("HubSpot has no write scope for \"line_items\" in crm.schemas", out)
        self.assertNotIn("carts", out)

    def test_url_template(self):
        url = ("https://app.hubspot.com/oauth/authorize?client_id={{{ client_id }}}&redirect_uri={{{ redirect_uri }}}"
               "&scope=oauth%20automation&state={{{ state }}}")
        for args, stdin in ((["--url", url], None), (["-"], url.encode())):
            code, out, err = run("check", "--format", "json", *args, stdin=stdin)
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["request"]["required"], ["automation", "oauth"])
            self.assertIn("url-placeholder", [d["code"] for d in r["diagnostics"]])
        code, out, _ = run("check", "--url", "https://app.hubspot.com/oauth/authorize?client_id=1&scope=<YOUR_SCOPES>",
                           "--require-install-on", "free")
        self.assertEqual(code, 1)  # HubSpot rejects the URL as written: no account installs it
        self.assertIn("placeholder-in-scope", out)
        self.assertIn('"<YOUR_SCOPES>"', out)

    def test_config_notes(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "app.json", json.dumps({"name": "P", "scopes": ["oauth"], "requiredScopes": ["automation"]}))
            code, out, _ = run("check", path)
        self.assertEqual(code, 0)
        self.assertIn("warning conflicting-keys: This config has both scopes and requiredScopes", out)
        self.assertIn("info single-account-app:", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
