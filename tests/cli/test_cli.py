"""CLI tests: exit codes, formats, gates, file and stdin input. Usage: test_cli.py PATH/TO/tierscope
With TIERSCOPE_TEST_SHARD=K/N only every N-th test from the K-th (1-based, in name order) runs, so that
N processes run the suite in parallel (ctest -j, tests/node/bin.test.mjs); each test stands alone."""
import json
import re
import os
import pty
import select
import subprocess
import sys
import tempfile
import unittest

TIERSCOPE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/cli/tierscope"

# The built-in model's counts, from the catalog file: the standard profiles, and the configurations
# (each hub's sold tiers multiplied, times 2 per feature; issue 24 item 10).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "hubspot-scopes.json"), encoding="utf-8") as _f:
    _MODEL = json.load(_f)
N_PROFILES = len(_MODEL["profiles"])
CONFIGURATIONS = 2 ** len(_MODEL["features"])
for _hub in _MODEL["hubs"]:
    CONFIGURATIONS *= len(_hub["tiers"])


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, **extra}


def run(*args, stdin=None, env=None):
    p = subprocess.run([TIERSCOPE, *args], input=stdin, capture_output=True, timeout=60,
                       env=env if env is not None else clean_env())
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


HUBS = ["marketing", "sales", "service", "content", "data", "commerce", "smart_crm"]
TIERS = ["free", "starter", "professional", "enterprise"]


def catalog(scopes, hubs=HUBS, tiers=TIERS, features=("website_addon",), as_of="2031-01-01"):
    """A small catalog in format 2 with the standard profiles of its model."""
    profiles = [{"id": tiers[0], "name": tiers[0].title(), "hubs": {}, "features": []}]
    profiles += [{"id": f"{h}-{t}", "name": f"{h} {t}", "hubs": {h: t}, "features": []} for h in hubs for t in tiers[1:]]
    return {"catalog": "test", "format": 2, "as_of": as_of,
            "tiers": [{"id": t, "name": t.title()} for t in tiers],
            "hubs": [{"id": h, "name": h.title() + " Hub"} for h in hubs],
            "features": [{"id": f, "name": f} for f in features], "profiles": profiles, "scopes": scopes}


def evidence(source, kind, requires, decides=True):
    return {"source": source, "kind": kind, "requires": requires, "as_of": "2026-01-01",
            "url": f"https://example.com/{kind}", "note": f"what {source} says", "decides": decides}


MPRO = [[{"hub": "marketing", "min_tier": "professional"}]]
ANYPRO = [[{"hub": "any", "min_tier": "professional"}]]
DISPUTED = catalog([
    {"name": "oauth", "requires": "any", "confidence": "docs-table", "evidence": []},
    {"name": "auto", "requires": MPRO, "requires_any_source": ANYPRO, "confidence": "docs-table",
     "evidence": [evidence("The docs table", "docs-table", MPRO), evidence("The API spec", "api-spec", ANYPRO)]},
    {"name": "unknown.tier", "requires": None, "confidence": "unverified",
     "evidence": [evidence("A beta file", "api-spec", "any", decides=False)]},
])

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
        # automation: Marketing Hub, and Smart CRM (launched after the 2023 table; the spec alone speaks of it), at
        # Professional or higher: 3 in 4 account configurations.
        self.assertIn(f"Installs on 4 of {N_PROFILES} standard tiers · 75.0 % of {CONFIGURATIONS:,} account configurations", out)
        self.assertIn("Smart CRM", out)
        self.assertNotIn("\033[", out)
        _, coloured, _ = run("check", "--color", "--required", "oauth automation")
        self.assertIn("\033[32m", coloured)

    def test_markdown(self):
        code, out, _ = run("check", "--format", "markdown", "--required", "oauth automation")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith(f"### tierscope: installs on 4 of {N_PROFILES} standard tiers"))
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

    def test_catalog_older_than_180_days_is_said(self):
        as_of = json.loads(run("check", "--format", "json", "--required", "oauth")[1])["catalog"]["as_of"]
        y, m, d = (int(x) for x in as_of.split("-"))
        import datetime
        day = datetime.date(y, m, d)
        old = dict(clean_env(), TIERSCOPE_TODAY=str(day + datetime.timedelta(days=181)))
        code, out, err = run("check", "--format", "json", "--required", "oauth", env=old)
        self.assertEqual(code, 0, err)
        self.assertIn("the scope catalog is from %s (181 days ago)" % as_of, err)
        self.assertEqual(json.loads(out)["catalog"]["as_of"], as_of)  # the report is unchanged
        code, _, err = run("check", "--required", "oauth", env=dict(clean_env(), TIERSCOPE_TODAY=str(day + datetime.timedelta(days=180))))
        self.assertNotIn("days ago", err)

    def test_unknown_scope_fails_the_gate_unless_allow_unknown(self):
        base = ["check", "--required", "oauth crm.objects.contacts.read brandnew.feature.read"]
        code, out, err = run(*base, "--require-install-on", "free")
        self.assertEqual(code, 1)
        self.assertIn("gate failed: free is unknown-scope, not installs: tierscope's catalog (as of ", err)
        self.assertIn("lacks brandnew.feature.read", err)
        self.assertIn("--allow-unknown", err)
        self.assertIn("? unknown scope", out)
        code, _, err = run(*base, "--require-install-on", "free", "--allow-unknown")
        self.assertEqual(code, 0, err)
        # --allow-unknown never passes a profile where a known scope fails or is disputed
        code, _, err = run("check", "--required", "oauth automation brandnew.feature.read", "--require-install-on", "free",
                           "--allow-unknown")
        self.assertEqual(code, 1)
        self.assertIn("free is permission-error", err)
        code, _, err = run("check", "--required", "oauth automation brandnew.feature.read",
                           "--require-install-on", "sales-professional", "--allow-unknown")
        self.assertEqual(code, 1)  # automation is disputed on Sales Professional
        self.assertEqual(run("check", "--required", "oauth automation brandnew.feature.read",
                             "--require-install-on", "sales-professional", "--allow-unknown", "--allow-uncertain")[0], 0)
        code, out, _ = run(*base, "--format", "markdown")
        self.assertIn("❔ unknown scope", out)
        code, _, _ = run("check", "--required", "oauth Not_A_Scope", "--require-install-on", "free", "--allow-unknown")
        self.assertEqual(code, 1)  # outside the scope grammar: invalid-scope, which no flag passes

    def test_allow_uncertain_lets_the_gate_pass_uncertain_only(self):
        with tempfile.TemporaryDirectory() as tmp:
            cat = write(tmp, "cat.json", json.dumps(DISPUTED))
            base = ["check", "--catalog", cat, "--required", "oauth auto"]
            code, _, err = run(*base, "--require-install-on", "sales-professional")
            self.assertEqual(code, 1)
            self.assertIn("gate failed: sales-professional is uncertain, not installs: the sources disagree on auto there", err)
            self.assertIn("--allow-uncertain", err)
            code, _, err = run(*base, "--require-install-on", "sales-professional", "--allow-uncertain")
            self.assertEqual(code, 0, err)
            code, _, err = run(*base, "--require-install-on", "sales-starter", "--allow-uncertain")
            self.assertEqual(code, 1)  # a permission error stays a failure
            self.assertIn("gate failed: sales-starter is permission-error, not installs: it lacks auto", err)
            code, _, err = run("check", "--catalog", cat, "--required", "oauth unknown.tier", "--require-install-on", "free")
            self.assertEqual(code, 1)
            self.assertIn("HubSpot documents no tier for unknown.tier (unverified)", err)
            self.assertEqual(run("check", "--catalog", cat, "--required", "oauth unknown.tier", "--require-install-on", "free",
                                 "--allow-uncertain")[0], 0)
            code, out, _ = run(*base, "--format", "json")
            r = json.loads(out)
            self.assertEqual(r["coverage"]["combinations"], {"installs": 16384, "disputed": 32512 - 16384, "total": 32768})
            self.assertEqual([d["code"] for d in r["diagnostics"] if d["scope"] == "auto"], ["sources-disagree"])
            code, out, _ = run(*base)
            self.assertIn("Uncertain (the install may succeed or fail):\n  sources disagree on auto: sales professional", out)

    def test_a_scope_no_source_speaks_of_is_not_called_a_disagreement(self):
        # cms.functions.read: its one deciding statement predates Smart CRM, so on Smart CRM accounts the
        # report's warning is undocumented-availability, and every text says that, not "sources disagree".
        smart = [p for p in json.loads(run("check", "--required", "oauth", "--format", "json")[1])["profiles"]
                 if p["id"].startswith("smart_crm-")]
        code, out, _ = run("check", "--required", "oauth cms.functions.read", "--format", "json")
        r = json.loads(out)
        silent = [p for p in r["profiles"] if "cms.functions.read" in p["disputed"]]
        self.assertEqual([p["id"] for p in silent], [p["id"] for p in smart])
        self.assertEqual([d["code"] for d in r["diagnostics"] if d["scope"] == "cms.functions.read"], ["undocumented-availability"])
        gate = silent[0]["id"]
        code, _, err = run("check", "--required", "oauth cms.functions.read", "--require-install-on", gate)
        self.assertEqual(code, 1)
        self.assertIn(f"gate failed: {gate} is uncertain, not installs: no source speaks of cms.functions.read there "
                      "(the statements that decide it predate a product of this tier; see the undocumented-availability warning)", err)
        self.assertNotIn("disagree", err)
        code, out, _ = run("check", "--required", "oauth cms.functions.read", "--account", "smart_crm=starter")
        self.assertIn("% where no source speaks of the account)", out)
        self.assertIn("Uncertain (the install may succeed or fail):\n  no source speaks of cms.functions.read: "
                      + ", ".join(p["name"] for p in silent) + "\n", out)
        self.assertIn("Custom account: ", out)
        self.assertIn("(no source speaks of cms.functions.read)", out)
        self.assertNotIn("disagree", out.split("\nDiagnostics")[0])
        # Both kinds in one report: each scope under its own words.
        code, out, _ = run("check", "--required", "oauth automation cms.functions.read", "--format", "json")
        r = json.loads(out)
        said = lambda scope: {p["name"] for p in r["profiles"] if p["status"] == "uncertain" and p["disputed"] == [scope]}
        self.assertTrue(said("automation") and said("cms.functions.read"))
        code, out, _ = run("check", "--required", "oauth automation cms.functions.read")
        self.assertIn("% where the sources disagree or none speaks of the account)", out)
        for words, scope in (("sources disagree on", "automation"), ("no source speaks of", "cms.functions.read")):
            line = next(l for l in out.splitlines() if l.startswith(f"  {words} {scope}: "))
            self.assertEqual(set(line.split(": ", 1)[1].split(", ")), said(scope))
        code, out, _ = run("scopes", "--search", "cms.functions.read")
        self.assertIn("its one deciding statement does not speak of every account: see its note", out)
        self.assertNotIn("disagree", out)

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
        self.assertIn('--require-install-on: unknown profile "gold" (free or <hub>-<tier>', err)

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
        # marketing or smart CRM professional or higher: 3 in 4 configurations; without it every configuration
        self.assertEqual(with_c["coverage"]["combinations"]["installs"], CONFIGURATIONS * 3 // 4)
        self.assertEqual(without["coverage"]["combinations"]["installs"], CONFIGURATIONS)
        self.assertTrue(without["input"]["without_conditional"])

    def test_account(self):
        code, out, _ = run("check", "--format", "json", "--required", "transactional-email",
                           "--account", "marketing=professional,transactional_email_addon")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["account"]["status"], "installs")
        code, _, err = run("check", "--required", "oauth", "--account", "marketing=gold")
        self.assertEqual(code, 2)
        self.assertIn("unknown tier", err)
        code, out, err = run("check", "--format", "json", "--required", "oauth", "--account", "smart_crm=enterprise")
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["account"]["account"]["hubs"]["smart_crm"], "enterprise")
        for key, hub in (("crm", "smart_crm"), ("crmHub", "smart_crm"), ("revenue", "commerce"), ("cms", "content"),
                         ("dataHub", "data"), ("ops", "data")):  # HubSpot's own keys and new names (issue 24)
            code, out, err = run("check", "--format", "json", "--required", "oauth", "--account", key + "=enterprise")
            self.assertEqual(code, 0, err)
            self.assertEqual(json.loads(out)["account"]["account"]["hubs"][hub], "enterprise", key)
        code, _, err = run("check", "--required", "oauth", "--account", "gold=enterprise")
        self.assertEqual(code, 2)
        self.assertIn('unknown hub "gold" (marketing, sales, service, content or cms, data or dataHub/ops, '
                      'commerce or revenue/commerceHub, smart_crm or crm/crmHub)', err)

    def test_tiers_hubspot_does_not_sell_are_refused(self):  # issue 24 item 10: no Revenue Hub Starter
        why = "HubSpot sells no Starter tier of Revenue Hub (formerly Commerce Hub); its tiers: free, professional, enterprise"
        for spec in ("commerce=starter", "revenue=starter", "commerceHub=starter,sales=starter"):
            code, out, err = run("check", "--required", "oauth", "--account", spec)
            self.assertEqual((code, out), (2, ""), spec)
            self.assertEqual(err.count("\n"), 1, err)
            self.assertIn(why, err)
        code, out, err = run("check", "--required", "oauth", "--profile", "commerce-starter")
        self.assertEqual((code, out), (2, ""))
        self.assertIn('no profile "commerce-starter": ' + why, err)
        code, out, err = run("check", "--required", "oauth", "--require-install-on", "commerce-starter")
        self.assertEqual((code, out), (2, ""))
        self.assertIn('no profile "commerce-starter": ' + why, err)
        code, out, _ = run("check", "--format", "json", "--required", "oauth", "--account", "commerce=professional")
        self.assertEqual(code, 0)
        report = json.loads(out)
        self.assertEqual(report["account"]["account"]["hubs"]["commerce"], "professional")
        self.assertNotIn("commerce-starter", [p["id"] for p in report["profiles"]])
        self.assertEqual(sorted(report["coverage"]["by_hub"]["commerce"]), ["enterprise", "free", "professional"])
        self.assertEqual(report["coverage"]["combinations"]["total"], CONFIGURATIONS)
        code, out, _ = run("check", "--required", "oauth")
        self.assertNotIn("Revenue Hub (formerly Commerce Hub) Starter", out)

    def test_config_and_url_named_in_json_and_markdown_with_url_check_and_account(self):
        config = json.dumps({"name": "Pair", "auth": {"redirectUrls": ["https://x.example/cb"],
                                                       "requiredScopes": ["oauth", "crm.objects.contacts.read"],
                                                       "optionalScopes": ["automation"]}})
        base = "https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fx.example%2Fcb"
        bad = base + "&scope=oauth%20crm.objects.contacts.read%20automation"
        good = base + "&scope=oauth%20crm.objects.contacts.read&optional_scope=automation"
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "public-app.json", config)
            code, out, err = run("check", path, "--url", bad, "--format", "json", "--account", "marketing=professional")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["input"]["format"], "config+url")
            code, md, err = run("check", path, "--url", bad, "--format", "markdown", "--account", "marketing=professional")
            self.assertEqual(code, 0, err)
            self.assertIn("\n- Input: app config + install URL (the scopes below are the URL's)\n", md)
            self.assertNotIn("install-url", md)
            self.assertIn("\n**Install URL check**: the install URL breaks rule 5 (see the diagnostics); "
                          "HubSpot refuses it on every account.\n", md)
            self.assertIn("**Corrected install URL**\n\n```\n" + r["url_check"]["fixed_url"] + "\n```", md)
            hubs = ", ".join(f"{h.replace('_', chr(92) + '_')} {t}" for h, t in r["account"]["account"]["hubs"].items())
            self.assertIn("marketing professional", hubs)
            self.assertIn("\n**Your custom account** (" + hubs + "): ⛔ URL mismatch · missing ", md)
            code, md, err = run("check", path, "--url", good, "--format", "markdown")
            self.assertEqual(code, 0, err)
            self.assertIn("\n**Install URL check**: the install URL matches the app config.\n", md)
            self.assertNotIn("Your custom account", md)
            code, out, err = run("check", path, "--url", good)  # the table names the input too
            self.assertEqual(code, 0, err)
            self.assertIn("input: config+url (Pair)", out)

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
                     "--require-install-on", "--allow-uncertain", "--without-conditional", "--catalog", "--account", "--no-color"]:
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
            cat = catalog([
                {"name": "oauth", "requires": "any", "confidence": "docs-table"},
                {"name": "x.read", "requires": [[{"hub": "b", "min_tier": "plus"}]], "confidence": "docs-table"}],
                hubs=["a", "b", "c"], tiers=["basic", "plus", "max"], features=["f"])
            path = write(tmp, "cat.json", json.dumps(cat))
            code, out, err = run("check", "--catalog", path, "--format", "json", "--required", "oauth x.read",
                                 "--account", "c=max,f")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["catalog"], {"as_of": "2031-01-01", "scopes": 2})
            self.assertEqual(r["coverage"]["combinations"]["installs"], 2 * 9 * 2)  # b at plus or max, 3 x 3 others, f
            self.assertEqual(r["coverage"]["combinations"]["total"], 54)
            self.assertEqual([p["id"] for p in r["profiles"]], ["basic", "a-plus", "a-max", "b-plus", "b-max", "c-plus", "c-max"])
            self.assertEqual(r["account"]["account"], {"hubs": {"a": "basic", "b": "basic", "c": "max"}, "features": ["f"]})
            code, out, err = run("check", "--catalog", path, "--required", "oauth x.read")
            self.assertIn("of 54 account configurations", out)
            self.assertRegex(out, r"\nC Hub +✗ permission error +✗ permission error\n")
            cat["scopes"][1]["requires"][0][0]["hub"] = "ops"
            bad = write(tmp, "bad.json", json.dumps(cat))
            code, _, err = run("check", "--catalog", bad, "--required", "oauth")
            self.assertEqual(code, 2)
            self.assertIn('unknown hub "ops"', err)
            old = write(tmp, "old.json", json.dumps({"as_of": "2031-01-01", "scopes": []}))
            code, _, err = run("check", "--catalog", old, "--required", "oauth")
            self.assertEqual(code, 2)
            self.assertIn("catalog format 2", err)


CONFIG = json.dumps({"name": "Demo", "auth": {"redirectUrls": ["https://x.example/cb"],
                     "requiredScopes": ["oauth", "crm.objects.contacts.read"], "optionalScopes": ["automation"],
                     "conditionallyRequiredScopes": ["tickets"]}})
BASE = "https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fx.example%2Fcb"


class Pastes(unittest.TestCase):
    """Issue 18: lists as people paste them, a URL without oauth, suggestions past a bad name; issue 22: static auth."""

    # from hardikk125/OneMindAI_POC_1, docs/HUBSPOT_SCOPES_GUIDE.md (shortened): a fenced list with comments
    GUIDE = (
        "# HubSpot OAuth Scopes Guide\n\n### **CRM Objects (Read)**\n```\n"
        "crm.objects.contacts.read       # Read contacts\n"
        "crm.objects.companies.read      # Read companies\n"
        "```\n\n### **Marketing**\n```\n"
        "forms                           # Access forms\n"
        "```\n"
    )

    def test_a_guide_with_comments_reads_exactly_the_scopes(self):
        code, out, err = run("check", "--format", "json", "-", stdin=self.GUIDE.encode())
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertEqual(r["request"]["required"], ["crm.objects.companies.read", "crm.objects.contacts.read", "forms", "oauth"])
        self.assertNotIn("retired-scope", [d["code"] for d in r["diagnostics"]])
        self.assertIn({"line": 1, "reason": "comment"}, r["input"]["ignored"])

    def test_ignored_lines_in_text_and_markdown(self):
        text = "Add the following scopes:\n- oauth\n- crm.objects.contacts.read\nHUBSPOT_CLIENT_ID=x\n"
        code, out, _ = run("check", "-", stdin=text.encode())
        self.assertEqual(code, 0)
        self.assertIn("ignored lines: 1 (heading), 4 (other setting)", out)
        code, md, _ = run("check", "--format", "markdown", "-", stdin=text.encode())
        self.assertIn("- Ignored lines: 1 (heading), 4 (other setting)", md)

    def test_duplicates_are_one_line_each(self):
        code, out, _ = run("check", "-", stdin=("- oauth\n" + "- tickets\n" * 27).encode())
        self.assertEqual(code, 0)
        self.assertEqual(out.count("duplicate-scope"), 1)
        self.assertIn("listed 27 times as required", out)

    def test_connector_manifest_names_its_json_path(self):
        # from microsoft/PowerPlatformConnectors, independent-publisher-connectors/HubSpot CRM/apiProperties.json (shortened)
        doc = {"properties": {"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {
            "identityProvider": "oauth2", "clientId": "[YOUR_VALUE]",
            "scopes": ["crm.objects.contacts.read tickets content actions timeline oauth forms files"]}}}}}
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "apiProperties.json", json.dumps(doc, indent=2))
            code, out, err = run("check", "--format", "json", path)
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["input"]["format"], "connector")
            self.assertEqual(r["input"]["json_path"], "properties.connectionParameters.token.oAuthSettings.scopes")
            self.assertEqual(len(r["request"]["required"]), 8)
            code, out, _ = run("check", path)
            self.assertIn("scopes from properties.connectionParameters.token.oAuthSettings.scopes", out)

    def test_url_without_oauth_is_a_mismatch_everywhere(self):
        url = "https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fa.example%2Fcb&scope=crm.objects.contacts.read"
        code, out, _ = run("check", "--format", "json", "-", stdin=url.encode())
        r = json.loads(out)
        self.assertEqual({p["status"] for p in r["profiles"]}, {"url-mismatch"})
        fix = [d for d in r["diagnostics"] if d["code"] == "url-config-mismatch"]
        self.assertEqual(fix[0]["suggestion"], {"action": "add-to-scope", "scopes": ["oauth"]})
        code, out, _ = run("check", "-", stdin=url.encode())
        self.assertIn("add oauth to scope", out)

    def test_suggestions_go_past_a_bad_name(self):
        names = ("oauth crm.objects.contacts.read tickets crm.objects.marketing_events.read content actions timeline forms files "
                 "crm.objects.marketing_events.write crm.schemas.custom.read crm.objects.custom.read "
                 "crm.objects.feedback_submissions.read crm.objects.custom.write crm.schemas.line_items.write")
        code, out, _ = run("check", "--format", "json", "-", stdin=names.encode())
        r = json.loads(out)
        first = r["suggestions"][0]
        self.assertEqual(first["action"], "remove-or-rename")
        self.assertEqual(first["scopes"], ["crm.schemas.line_items.write"])
        total = r["coverage"]["combinations"]["total"]
        full = [s for s in r["suggestions"][1:] if s["combinations"] == total]  # every configuration installs
        self.assertEqual(len(full[0]["scopes"]), 5)
        self.assertEqual(full[0]["action"], "make-optional")
        code, text, _ = run("check", "-", stdin=names.encode())
        self.assertIn("remove or rename crm.schemas.line_items.write", text)
        self.assertIn("then make ", text)
        self.assertNotIn("No scope change", text)
        # After the rename, the first change reads "then" and the others are its alternatives ("or"): each
        # is counted apart from the others, so they are not further steps.
        lines = text.split("\n")
        changes = len(r["suggestions"]) - 1
        self.assertGreater(changes, 1)
        self.assertEqual(sum(l.startswith("  then ") for l in lines), 1)
        self.assertEqual(sum(l.startswith("  or make ") for l in lines), changes - 1)

    def test_static_auth_never_says_make_optional(self):
        cfg = {"config": {"name": "S", "auth": {"type": "static", "requiredScopes": ["oauth", "crm.objects.contacts.read", "automation"]}}}
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "app-hsmeta.json", json.dumps(cfg))
            for fmt in ("json", "text", "markdown"):
                code, out, _ = run("check", "--format", fmt, path)
                self.assertNotIn("make-optional", out)
                self.assertNotRegex(out, r"(?i)\bmake [^\n]* optional")
            r = json.loads(run("check", "--format", "json", path)[1])
            self.assertEqual([s["action"] for s in r["suggestions"]][-1], "switch-to-oauth")
            self.assertIn("remove", [s["action"] for s in r["suggestions"]])


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
            self.assertIn(f"base (installs on {N_PROFILES} of {N_PROFILES} standard tiers", out)
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
        self.assertTrue(out.startswith(f"### tierscope migrate: installs on 4 of {N_PROFILES} standard tiers"), out[:120])
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
            self.assertIn(f"Account configurations that install: {CONFIGURATIONS:,} → {CONFIGURATIONS * 3 // 4:,}", out)
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
        self.assertEqual(r["least_privilege"]["required"], ["automation", "crm.objects.contacts.read", "crm.objects.deals.write", "oauth"])
        self.assertEqual(r["least_privilege"]["optional"], [])
        ie = r["least_privilege"]["install_everywhere"]
        self.assertEqual(ie["required"], ["crm.objects.contacts.read", "crm.objects.deals.write", "oauth"])
        self.assertEqual(ie["optional"], ["automation"])
        self.assertTrue(ie["calls_failing"])
        self.assertTrue(all(f["calls"] == ["GET /automation/v4/flows"] for f in ie["calls_failing"]))
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
            self.assertIn("required: automation crm.objects.contacts.read crm.objects.deals.write oauth", out)
            self.assertIn("Install everywhere: required crm.objects.contacts.read crm.objects.deals.write oauth; optional automation", out)
            self.assertIn(": GET /automation/v4/flows", out)
            self.assertIn("unused required scope content", out)
            self.assertIn("uncovered (403): POST /crm/v3/objects/0-3", out)
            code, out, err = run("calls", calls, "--format", "markdown")
            self.assertEqual(code, 0, err)
            self.assertTrue(out.startswith("## tierscope calls"))
            self.assertIn("**Install everywhere:**", out)

    def test_a_graphql_call_never_makes_its_data_scopes_unused(self):
        # ERSBrad/deal-close-card: app.json requests the collector scopes and CRM scopes its GraphQL query reads.
        with tempfile.TemporaryDirectory() as tmp:
            calls = write(tmp, "calls.txt", "POST https://api.hubapi.com/collector/graphql\n")
            config = write(tmp, "app.json", json.dumps({"auth": {"requiredScopes": [
                "oauth", "collector.graphql_schema.read", "collector.graphql_query.execute",
                "crm.objects.deals.read", "crm.objects.line_items.read", "crm.objects.deals.write"]}}))
            code, out, err = run("calls", calls, config, "--format", "json")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["calls"][0]["operation"]["api"], "GraphQL")
            self.assertEqual([u["scope"] for u in r["unused"]], ["crm.objects.deals.write"])
            self.assertEqual({m["scope"]: m["message"] for m in r["may_be_needed"]},
                             {"crm.objects.deals.read": "may be needed by 1 GraphQL call",
                              "crm.objects.line_items.read": "may be needed by 1 GraphQL call"})
            self.assertIn("query-data-scopes", [d["code"] for d in r["diagnostics"]])
            code, out, err = run("calls", calls, config, "--no-color")
            self.assertEqual(code, 0, err)
            self.assertIn("required scope crm.objects.deals.read: may be needed by 1 GraphQL call", out)

    def test_unmatched_calls_make_unused_uncertain(self):
        with tempfile.TemporaryDirectory() as tmp:
            calls = write(tmp, "calls.txt", "GET /crm/v3/objects/deals/1\nGET /nothing/v9/here\nPOST /nothing/v9/there\n")
            config = write(tmp, "app.json", json.dumps({"auth": {"requiredScopes": ["oauth", "crm.objects.deals.read", "forms"]}}))
            code, out, err = run("calls", calls, config, "--format", "json")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual([u["scope"] for u in r["unused"]], ["forms"])
            d = [d for d in r["diagnostics"] if d["code"] == "unused-uncertain"]
            self.assertEqual(len(d), 1)
            self.assertEqual(d[0]["severity"], "warning")
            self.assertTrue(d[0]["message"].startswith("2 calls match no known operation (GET /nothing/v9/here (line 2), POST /nothing/v9/there (line 3))"), d[0]["message"])
            code, out, err = run("calls", calls, config, "--format", "markdown")
            self.assertEqual(code, 0, err)
            self.assertIn("**Unsure:** 2 calls match no known operation", out)

    def test_a_har_past_16_mib_is_streamed_and_anything_else_refused(self):
        body = json.dumps({"text": "x" * 100000 + " \" Authorization SECRET"})
        entry = lambda i: json.dumps({"request": {"method": "GET", "url": f"https://api.hubapi.com/crm/v3/objects/contacts/{i % 7}?hapikey=SECRET",
                                                  "headers": [{"name": "Authorization", "value": "Bearer SECRET"}]},
                                      "response": {"content": {"text": body}}})
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "big.har")
            with open(path, "w", encoding="utf-8") as f:
                f.write('\ufeff{"log": {"entries": [')
                for i in range(180):  # ~18 MB
                    f.write(("," if i else "") + entry(i))
                f.write("]}}")
            self.assertGreater(os.path.getsize(path), 16 << 20)
            code, out, err = run("calls", path, "--format", "json")
            self.assertEqual(code, 0, err)
            r = json.loads(out)
            self.assertEqual(r["input"]["format"], "har")
            self.assertEqual(len(r["calls"]), 7)  # /crm/v3/objects/contacts/0 ... /6
            self.assertNotIn("SECRET", out)
            # Cut off: the entries before the cut, and a warning in bytes.
            with open(path, "r+b") as f:
                f.truncate(os.path.getsize(path) - 50000)
            code, out, err = run("calls", path, "--format", "json")
            self.assertEqual(code, 0, err)
            self.assertIn("truncated-har", [d["code"] for d in json.loads(out)["diagnostics"]])
            # Past 16 MiB and not a HAR: refused with a clear message.
            other = os.path.join(tmp, "calls.txt")
            with open(other, "w", encoding="utf-8") as f:
                f.write("GET /crm/v3/objects/contacts/1\n" * 600000)
            code, out, err = run("calls", other)
            self.assertNotEqual(code, 0)
            self.assertIn("only a HAR file may be larger than", err)
            # A large file that is JSON but not a HAR.
            with open(other, "w", encoding="utf-8") as f:
                f.write('{"data": "' + "x" * (17 << 20) + '"}')
            code, out, err = run("calls", other)
            self.assertNotEqual(code, 0)
            self.assertIn("must be a HAR file", err)

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
        self.assertNotIn("automation ", out)

    def test_every_piece_of_evidence_with_its_link(self):
        with tempfile.TemporaryDirectory() as tmp:
            cat = write(tmp, "cat.json", json.dumps(DISPUTED))
            code, out, err = run("scopes", "--catalog", cat, "--search", "auto")
            self.assertEqual(code, 0, err)
            self.assertIn("auto  ", out)
            self.assertIn("[docs-table]", out)
            self.assertIn("the sources disagree", out)
            self.assertIn("- The docs table (docs-table, 2026-01-01): Marketing Hub Professional or higher\n"
                          "      what The docs table says\n      https://example.com/docs-table\n", out)
            self.assertIn("- The API spec (api-spec, 2026-01-01): Professional or higher of any hub", out)
            self.assertIn("https://example.com/api-spec", out)
            code, out, _ = run("scopes", "--catalog", cat, "--search", "unknown.tier")
            self.assertIn("- A beta file (api-spec, 2026-01-01, not deciding): every account", out)
            code, out, _ = run("scopes", "--catalog", cat, "--format", "json")
            entries = json.loads(out)
            self.assertEqual(entries[1]["evidence"], DISPUTED["scopes"][1]["evidence"])
            self.assertEqual(entries[1]["requires_any_source"], ANYPRO)
            self.assertEqual(entries[0]["requires_any_source"], "any")

    def test_json(self):
        code, out, _ = run("scopes", "--format", "json")
        self.assertEqual(code, 0)
        entries = json.loads(out)
        with open(os.path.join(os.path.dirname(__file__), "..", "..", "data", "hubspot-scopes.json"), encoding="utf-8") as f:
            self.assertEqual(len(entries), len(json.load(f)["scopes"]))
        self.assertEqual({"name", "tier_text", "confidence", "requires", "requires_any_source", "evidence"} - set(entries[0]), set())
        kinds = {e["kind"] for entry in entries for e in entry["evidence"]}
        self.assertLessEqual(kinds, {"observed", "docs-table", "docs-guide", "api-spec", "docs-text", "secondary"})
        self.assertIn("docs-guide", kinds)  # HubSpot's newer guides (issue 24)
        self.assertTrue(all(e["url"].startswith("https://") for entry in entries for e in entry["evidence"]
                            if e["kind"] != "observed"))  # an observation may have no page


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


class Hardening(unittest.TestCase):
    """Issue 9: bounded reads, paths that are not files, output safe for a terminal."""

    def test_endless_devices_and_streams_are_refused_at_the_limit(self):
        for args in (["check", "/dev/zero"], ["check", "/dev/urandom"], ["migrate", "/dev/zero"],
                     ["diff", "/dev/zero", "/dev/zero"], ["url", "/dev/zero"],
                     ["check", "--catalog", "/dev/zero", "--required", "oauth"],
                     ["scopes", "--catalog", "/dev/urandom"]):
            code, out, err = run(*args)
            self.assertEqual(code, 2, args)
            self.assertEqual(out, "")
            self.assertIn("/dev/", err)
            self.assertIn("is more than", err)
        with open("/dev/zero", "rb") as zero:  # tierscope check - < /dev/zero
            p = subprocess.run([TIERSCOPE, "check", "-"], stdin=zero, capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"tierscope: the input is more than 1048576 bytes; the limit is 1048576 bytes (1 MiB)", p.stderr)
        code, _, err = run("check", "-", stdin=b"oauth " * (3 * 1024 * 1024 // 6))  # a 3 MiB stream
        self.assertEqual(code, 2)
        self.assertIn("is more than 1048576 bytes", err)
        code, _, err = run("check", "--format", "json", "-", stdin=b"oauth" + b" " * (1024 * 1024 - 5))  # exactly 1 MiB
        self.assertEqual(code, 0, err)

    def test_a_large_file_is_refused_with_its_size(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "big.txt")
            with open(path, "wb") as f:
                f.write(b"oauth " * 500000)
            code, _, err = run("check", path)
        self.assertEqual(code, 2)
        self.assertIn("big.txt is more than 1048576 bytes; the limit is 1048576 bytes (1 MiB)", err)

    def test_a_directory_or_missing_file_fails_the_gate_naming_the_path(self):
        with tempfile.TemporaryDirectory() as tmp:
            code, out, err = run("check", tmp, "--require-install-on", "free")
            self.assertEqual(code, 2)
            self.assertEqual(out, "")
            self.assertIn(tmp, err)
            self.assertIn("directory", err)
            for args in (["migrate", tmp], ["diff", tmp, tmp], ["url", tmp], ["check", "--catalog", tmp, "--required", "oauth"]):
                code, _, err = run(*args)
                self.assertEqual(code, 2, args)
                self.assertIn("directory", err)
            code, _, err = run("check", os.path.join(tmp, "missing.json"), "--require-install-on", "free")
            self.assertEqual(code, 2)
            self.assertIn("missing.json", err)

    def test_number_overflow_is_a_parse_error(self):
        code, out, err = run("check", "-", stdin=b"[1e400]")
        self.assertEqual(code, 2)
        self.assertNotIn("internal", err)
        self.assertIn("1e400", err)
        self.assertIn("line 1, column 2", err)
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "cat.json", '{"as_of": "x", "scopes": [{"name": "a", "requires": 1e999}]}')
            code, _, err = run("check", "--catalog", path, "--required", "oauth")
        self.assertEqual(code, 2)
        self.assertNotIn("internal", err)
        self.assertIn("cat.json", err)

    def test_control_characters_never_reach_the_terminal(self):
        hostile = r'{"name": "\u001b]2;title\u0007", "scopes": ["\u001b]0;pwned\u0007\u001b[2J", "\u009b31m", "a\u202eb"]}'
        for fmt in ("table", "markdown"):
            code, out, err = run("check", "--format", fmt, "-", stdin=hostile.encode())
            self.assertEqual(code, 0, err)
            self.assertNotIn("\x1b", out, fmt)
            self.assertNotIn("\x07", out, fmt)
            self.assertNotIn("\u009b", out, fmt)
            self.assertNotIn("\u202e", out, fmt)
            self.assertIn("u001b", out, fmt)
        for args in (["migrate", "-"], ["diff", "-", "/dev/null"]):
            code, out, err = run(*args, stdin=hostile.encode())
            self.assertNotIn("\x1b", out + err, args)
        # an error message quoting the input is escaped too
        code, _, err = run("check", "-", stdin=(r'{"scopes": ["\u001b[2J' + "a" * 300 + '"]}').encode())
        self.assertEqual(code, 2)
        self.assertNotIn("\x1b", err)
        self.assertIn("\\u001b[2J", err)
        code, _, err = run("check", "-", stdin=b'{"scopes": ["oauth\\\\u0000"]}')
        self.assertEqual(code, 0, err)  # an escaped backslash, then text
        code, _, err = run("check", "-", stdin=b'{"scopes": ["oauth\u0000"]}')
        self.assertEqual(code, 2)
        self.assertIn("NUL", err)

    def test_redirect_uri_and_percent_escapes(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "app.json", '{"auth": {"requiredScopes": ["oauth", "automation"]}}')
            for uri in ("javascript:alert(1)", "http://example.com/cb", "data:text/html,x", "http://localhost.evil.example/"):
                code, out, err = run("url", path, "--redirect-uri", uri)
                self.assertEqual(code, 2, uri)
                self.assertIn("redirectUri must be an https:// URL", err)
            for uri in ("https://example.com/cb", "http://localhost:3000/cb", "http://127.0.0.1/cb"):
                code, out, err = run("url", path, "--redirect-uri", uri)
                self.assertEqual(code, 0, err)
        code, out, err = run("check", "--format", "json", "--url", "https://app.hubspot.com/oauth/authorize?scope=oau%2")
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertIn("bad-encoding", [d["code"] for d in r["diagnostics"]])
        self.assertEqual({p["status"] for p in r["profiles"]}, {"invalid-scope"})


EXPLAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "explain")


class AuthType(unittest.TestCase):
    def hsmeta(self, auth_type):
        auth = {"redirectUrls": ["https://x.example/cb"], "requiredScopes": ["oauth", "automation"], "optionalScopes": ["tickets"]}
        if auth_type is not None:
            auth["type"] = auth_type
        return json.dumps({"uid": "a", "type": "app", "config": {"name": "A", "distribution": "marketplace", "auth": auth}}).encode()

    def codes(self, auth_type):
        code, out, err = run("check", "--format", "json", "-", stdin=self.hsmeta(auth_type))
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        return r, [d["code"] for d in r["diagnostics"]]

    def test_an_unknown_auth_type_is_named_and_read_as_oauth(self):
        r, codes = self.codes("oauth2")
        self.assertIn("unknown-auth-type", codes)
        d = next(d for d in r["diagnostics"] if d["code"] == "unknown-auth-type")
        self.assertIn('config.auth.type is "oauth2"', d["message"])
        self.assertEqual(d["severity"], "warning")
        self.assertEqual(r["request"]["optional"], ["tickets"])  # read as OAuth: the optional scope kept
        r, codes = self.codes(5)
        self.assertIn("config.auth.type is a JSON number", next(d for d in r["diagnostics"] if d["code"] == "unknown-auth-type")["message"])

    def test_oauth_static_and_no_type_are_not_flagged(self):
        for t in ("oauth", "static", None):
            _, codes = self.codes(t)
            self.assertNotIn("unknown-auth-type", codes, t)


class CheckOfAnErrorText(unittest.TestCase):
    """check given what HubSpot said instead of the app's scopes: no verdict for what was not read, and
    the command that answers it (on stderr: stdout keeps the report)."""

    def test_a_log_line_names_no_scope_no_verdict_and_the_explain_command(self):
        path = os.path.join(EXPLAIN, "403-log.txt")
        code, out, err = run("check", path)
        self.assertEqual(code, 0, err)
        self.assertIn("No verdict: no scopes found in the input.", out)
        self.assertNotIn("Installs on", out)
        self.assertNotIn("✓ installs", out)
        self.assertIn("warning empty-request", out)
        self.assertEqual(err, f"tierscope: {path} reads like a HubSpot error or token info (missing-scopes), not an app's scopes: "
                              f"`tierscope explain {path}` says why and what to change\n")
        code, out, err = run("check", "--format", "json", path)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["diagnostics"][0]["code"], "empty-request")
        self.assertIn("(missing-scopes)", err)

    def test_stdin_and_an_install_page_whose_scopes_were_read(self):
        with open(os.path.join(EXPLAIN, "install-2026.txt"), "rb") as f:
            page = f.read()
        code, out, err = run("check", "-", stdin=page)
        self.assertEqual(code, 0, err)
        self.assertIn("Installs on", out)  # the names on the page were read: a verdict on them
        self.assertIn("tierscope: stdin reads like a HubSpot error or token info (tier-lacks-scope)", err)
        self.assertIn("`tierscope explain -`", err)

    def test_an_error_check_cannot_read_gets_the_hint_on_its_one_line(self):
        path = os.path.join(EXPLAIN, "403.json")
        code, out, err = run("check", path)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertIn("this JSON has 2 scope lists", err)
        self.assertIn(f"; it reads like a HubSpot error or token info (missing-scopes): `tierscope explain {path}`", err)

    def test_markdown_of_a_text_with_no_scope_gives_no_verdict(self):
        code, out, err = run("check", "--format", "markdown", "--account", "marketing=professional", os.path.join(EXPLAIN, "403-log.txt"))
        self.assertEqual(code, 0, err)
        self.assertTrue(out.startswith("### tierscope: no verdict: no scopes found in the input\n\n- Input: list\n"), out)
        self.assertNotIn("installs", out)
        self.assertNotIn("| Profile |", out)
        self.assertNotIn("custom account", out)
        self.assertIn("- Optional: –\n\n**Diagnostics**\n\n- warning `empty-request`: No scopes found in the input.\n", out)

    def test_an_app_config_check_cannot_read_gets_no_hint(self):
        for config in (b'{"config":{"auth":{"requiredScopes":["oauth"],"optionalScopes":5}}}',
                       b'{"auth":{"requiredScopes":"oauth automation","optionalScopes":5}}'):
            code, out, err = run("check", "-", stdin=config)
            self.assertEqual(code, 2)
            self.assertNotIn("explain", err)
            self.assertIn("must be an array of scope names", err)

    def test_a_list_with_prose_that_is_no_error_gets_no_hint(self):
        code, out, err = run("check", "-", stdin=b"Scopes this app needs:\noauth\ncrm.objects.contacts.read\n")
        self.assertEqual(code, 0, err)
        self.assertEqual(err, "")
        self.assertIn("Installs on", out)
        code, out, err = run("check", "-", stdin=b"Nothing to see here, just words.\n")
        self.assertEqual(code, 0, err)
        self.assertIn("No verdict: no scopes found in the input (1 line read as no scope).", out)
        self.assertEqual(err, "")


class Explain(unittest.TestCase):
    def sample(self, name):
        return os.path.join(EXPLAIN, name)

    def test_an_unrecognised_error_prints_no_empty_explanation(self):
        body = '{"status":"error","message":"The access token must have the correct format","category":"INVALID_AUTHENTICATION"}'
        code, out, err = run("explain", "-", stdin=body.encode())
        self.assertEqual(code, 0, err)
        self.assertIn("error-not-recognised", out)
        self.assertNotIn("\n\n\n", out)

    def test_every_sample_in_each_format(self):
        expect = json.load(open(self.sample("expect.json"), encoding="utf-8"))
        for name, want in expect.items():
            with self.subTest(name=name):
                code, out, err = run("explain", self.sample(name), "--format", "json")
                self.assertEqual(code, 0, err)
                r = json.loads(out)
                self.assertEqual(r["cause"], want["cause"])
                self.assertEqual(r["input"]["format"], want["format"])
                self.assertEqual(r["scopes"], want["scopes"])
                for fmt in ("text", "markdown"):
                    code, out, err = run("explain", self.sample(name), self.sample("config.json"), "--format", fmt)
                    self.assertEqual(code, 0, err)
                    self.assertIn("tierscope explain: " if fmt == "text" else "## tierscope explain: ", out)

    def test_an_app_config_given_as_the_error_is_said_to_be_one(self):
        code, out, err = run("explain", os.path.join(EXPLAIN, "config.json"), "--format", "json")
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertEqual(r["cause"], "unknown")  # its requiredScopes are no 403's context
        self.assertEqual(r["scopes"], [])
        self.assertEqual([d["code"] for d in r["diagnostics"]], ["error-not-recognised"])
        self.assertIn("This is an app config, not an error text", r["diagnostics"][0]["message"])

    def test_stdin_and_fix_applied_to_config(self):
        with open(self.sample("install-2026.txt"), "rb") as f:
            code, out, err = run("explain", "-", self.sample("config.json"), "--format", "json", stdin=f.read())
        self.assertEqual(code, 0, err)
        r = json.loads(out)
        self.assertIn("automation", r["report"]["request"]["optional"])
        self.assertEqual([f["action"] for f in r["fix"]], ["make-optional", "make-optional"])

    def test_calls_that_will_403_with_this_token(self):
        code, out, err = run("explain", self.sample("token-access.json"), self.sample("config.json"),
                             "--calls", self.sample("calls.txt"), "--format", "json")
        self.assertEqual(code, 0, err)
        g = json.loads(out)["grant"]
        self.assertEqual(g["missing_required"], ["automation", "tickets"])
        paths = [c["path"] for c in g["calls_403"]]
        self.assertIn("/automation/v4/flows", paths)
        self.assertIn("/crm/v3/objects/tickets", paths)
        self.assertNotIn("/crm/v3/objects/contacts", paths)
        code, out, err = run("explain", self.sample("token-access.json"), "--calls", self.sample("calls.txt"))
        self.assertEqual(code, 0, err)
        self.assertIn("403: GET /automation/v4/flows", out)
        code, _, err = run("explain", self.sample("403.json"), "--calls", self.sample("calls.txt"))
        self.assertEqual(code, 2)
        self.assertIn("--calls needs a token's info", err)

    def test_hostile_input_one_line_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            big = write(tmp, "big.txt", '{"message":"' + "x" * (1 << 20) + '"}')
            code, _, err = run("explain", big)
            self.assertEqual(code, 2)
            self.assertEqual(err.count("\n"), 1, err)
            nested = write(tmp, "nested.txt", "{'body': \"{\\\"" * 100)
            code, _, err = run("explain", nested)
            self.assertEqual(code, 2)
            self.assertIn("nested deeper than 64 levels at line 1", err)
            self.assertEqual(err.count("\n"), 1)
            evil = write(tmp, "evil.txt", '{"category":"MISSING_SCOPES","errors":[{"message":"One or more of the following scopes are required.","context":{"requiredScopes":["a\\u001b]0;pwned\\u0007b"]}}]}')
            code, out, err = run("explain", evil)
            self.assertEqual(code, 0, err)
            self.assertNotIn("\x1b", out)


PROJECTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "projects")


class Project(unittest.TestCase):
    """check DIR and diff of project folders, on the real public projects of tests/fixtures/projects."""

    def sources(self):
        with open(os.path.join(PROJECTS, "sources.json"), encoding="utf-8") as f:
            return json.load(f)

    def test_real_projects_are_read_with_their_platform_version(self):
        versions = set()
        for src in self.sources():
            folder = os.path.join(PROJECTS, src["fixture"])
            code, out, err = run("check", folder, "--format", "json")
            self.assertEqual(code, 0, src["fixture"] + ": " + err)
            doc = json.loads(out)
            self.assertEqual(doc["project"]["platform_version"], src["platform_version"], src["fixture"])
            self.assertTrue(doc["project"]["platform_version_known"], src["fixture"])
            self.assertIsNotNone(doc["check"], src["fixture"])
            self.assertTrue(doc["check"]["profiles"], src["fixture"])
            for d in doc["diagnostics"]:
                self.assertIn(d["severity"], ("error", "warning", "info"))
                if d["file"] is not None:
                    self.assertTrue(os.path.exists(os.path.join(folder, d["file"])), d)
                    self.assertGreaterEqual(d["line"], 1)
            versions.add(src["platform_version"])
        self.assertGreaterEqual(len(versions), 3)

    def test_real_findings(self):
        def doc(name):
            code, out, err = run("check", os.path.join(PROJECTS, name), "--format", "json")
            self.assertEqual(code, 0, err)
            return json.loads(out)
        def codes(d):
            return {(x["code"], x["scope"]) for x in d["diagnostics"]}
        # A card on tickets whose app asks for tickets: nothing missing; a 2023.1 private app is static.
        scope_issue = doc("crm-extension-scope-issue")
        self.assertEqual(scope_issue["project"]["app"]["auth_type"], "static")
        self.assertNotIn(("feature-scope-missing", "tickets"), codes(scope_issue))
        # Marketplace + oauth: consistent; its card on contacts is covered by a required scope.
        kwt = doc("kwtsms")
        self.assertEqual(kwt["project"]["app"]["distribution"], "marketplace")
        self.assertNotIn("invalid-distribution-auth", {c for c, _ in codes(kwt)})
        self.assertEqual({f["kind"] for f in kwt["features"]}, {"card", "workflow-action"})
        # Cards on app objects: said, not guessed.
        self.assertIn("app-object", {c for c, _ in codes(doc("bands"))})
        # 2023.2 webhooks.json (objectName) and three cards: contacts and deals needed, both asked for.
        hooks = doc("crm-card-webhooks")
        kinds = [f["kind"] for f in hooks["features"]]
        self.assertIn("webhooks", kinds)
        self.assertEqual({i["scope"] for i in hooks["implied_scopes"]}, {"crm.objects.contacts.read", "crm.objects.deals.read"})
        self.assertNotIn("feature-scope-missing", {c for c, _ in codes(hooks)})
        # 2025.1 (a private app.json, static auth): a deals card and contact webhooks, both read scopes asked for.
        tab = doc("contract-signed-tab")
        self.assertEqual(tab["project"]["platform_version"], "2025.1")
        self.assertEqual(tab["project"]["app"]["auth_type"], "static")
        self.assertEqual({f["kind"] for f in tab["features"]}, {"app-function", "card", "webhooks"})
        self.assertEqual({i["scope"] for i in tab["implied_scopes"]}, {"crm.objects.contacts.read", "crm.objects.deals.read"})
        self.assertNotIn("feature-scope-missing", {c for c, _ in codes(tab)})

    def test_missing_card_scope_is_found_with_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "src", "app", "cards"))
            with open(os.path.join(d, "hsproject.json"), "w") as f:
                json.dump({"name": "t", "srcDir": "src", "platformVersion": "2026.03"}, f)
            with open(os.path.join(d, "src", "app", "app-hsmeta.json"), "w") as f:
                json.dump({"uid": "t", "type": "app", "config": {"distribution": "private",
                           "auth": {"type": "static", "requiredScopes": ["oauth"]}}}, f, indent=2)
            with open(os.path.join(d, "src", "app", "cards", "deal-hsmeta.json"), "w") as f:
                json.dump({"uid": "deal_card", "type": "card", "config": {"objectTypes": ["deals"]}}, f, indent=2)
            code, out, err = run("check", d, "--format", "json")
            self.assertEqual(code, 0, err)
            found = [x for x in json.loads(out)["diagnostics"] if x["code"] == "feature-scope-missing"]
            self.assertEqual(len(found), 1)
            self.assertEqual(found[0]["file"], "src/app/cards/deal-hsmeta.json")
            self.assertEqual(found[0]["line"], 6)
            self.assertEqual(found[0]["path"], "config.objectTypes[0]")
            # The table says it too; a gate fails on the project's error.
            code, out, err = run("check", d)
            self.assertEqual(code, 0, err)
            self.assertIn("feature-scope-missing src/app/cards/deal-hsmeta.json:6", out)
            code, out, err = run("check", d, "--require-install-on", "free")
            self.assertEqual(code, 1)
            self.assertIn("feature-scope-missing", err)
            code, out, err = run("check", d, "--format", "markdown")
            self.assertEqual(code, 0, err)
            self.assertIn("### HubSpot project", out)

    def test_app_config_that_is_not_json_is_exit_2_with_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "src", "app"))
            with open(os.path.join(d, "hsproject.json"), "w") as f:
                f.write('{"name": "x", "srcDir": "src", "platformVersion": "2025.2"}')
            with open(os.path.join(d, "src", "app", "app-hsmeta.json"), "w") as f:
                f.write('{\n  "uid": "x",\n  "type": "app",\n}\n')
            code, out, err = run("check", d)
            self.assertEqual(code, 2)
            self.assertIn("src/app/app-hsmeta.json", err)
            self.assertIn("line 4", err)

    def test_calls_scan_finds_calls_with_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "src", "node_modules", "x"))
            with open(os.path.join(d, "src", "a.ts"), "w") as f:
                f.write("const page = await hubspotClient.crm.contacts.basicApi.getPage(10);\n"
                        "await axios.post(`https://api.hubapi.com/crm/v3/objects/notes`, body);\n")
            with open(os.path.join(d, "src", "node_modules", "x", "b.js"), "w") as f:
                f.write("fetch('/crm/v3/objects/deals');\n")  # dependencies are not the app's code
            code, out, err = run("calls", "--scan", d, "--format", "json")
            self.assertEqual(code, 0, err)
            doc = json.loads(out)
            found = {(c["file"], c["line"], c["method"], c["path"], c["via"]) for c in doc["calls"]}
            self.assertEqual(found, {("src/a.ts", 1, "GET", "/crm/v3/objects/contacts", "client"),
                                     ("src/a.ts", 2, "POST", "/crm/v3/objects/notes", "literal")})
            self.assertEqual(doc["clients"]["javascript"]["package"], "@hubspot/api-client")
            code, out, err = run("calls", "--scan", d)
            self.assertEqual(code, 0, err)
            self.assertIn("src/a.ts:1  GET /crm/v3/objects/contacts", out)
            code, out, err = run("calls", "--scan", os.path.join(d, "nope"))
            self.assertEqual(code, 2)

    def test_check_dir_with_code_reports_over_asking(self):
        with tempfile.TemporaryDirectory() as d:
            self.write_project(d, "oauth", "marketplace", cards=["contacts"])
            with open(os.path.join(d, "src", "app", "app-hsmeta.json"), "w") as f:
                json.dump({"uid": "t", "type": "app", "config": {"distribution": "marketplace",
                           "auth": {"type": "oauth", "requiredScopes": ["oauth", "crm.objects.contacts.read", "automation"]}}}, f, indent=2)
            with open(os.path.join(d, "src", "app", "sync.js"), "w") as f:
                f.write("await hubspotClient.crm.deals.basicApi.getPage();\n")
            code, out, err = run("check", d, "--format", "json")
            self.assertEqual(code, 0, err)
            doc = json.loads(out)
            self.assertEqual([u["scope"] for u in doc["calls"]["unused"]], ["automation"])
            self.assertTrue(doc["calls"]["unused"][0]["locks_out"])  # automation is tier-limited
            self.assertEqual(doc["calls"]["uncovered"][0]["file"], "src/app/sync.js")
            self.assertIn("crm.objects.deals.read", doc["least_privilege_auth"]["requiredScopes"])
            self.assertNotIn("automation", doc["least_privilege_auth"]["requiredScopes"])
            code, out, err = run("check", d)
            self.assertIn("over-asking: automation", out)
            self.assertIn("Least-privilege auth block", out)

    def test_folder_without_project_is_exit_2(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "app.json"), "w") as f:
                f.write('{"scopes": ["oauth"]}')
            code, out, err = run("check", d)
            self.assertEqual(code, 2)
            self.assertIn("hsproject.json", err)
            self.assertEqual(out, "")

    def test_project_without_app_config_is_exit_2(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "hsproject.json"), "w") as f:
                f.write('{"name": "x", "srcDir": "src", "platformVersion": "2025.2"}')
            code, out, err = run("check", d)
            self.assertEqual(code, 2)
            self.assertIn("no app config", err)

    def write_project(self, d, auth_type, distribution, cards=()):
        os.makedirs(os.path.join(d, "src", "app", "cards"), exist_ok=True)
        with open(os.path.join(d, "hsproject.json"), "w") as f:
            json.dump({"name": "t", "srcDir": "src", "platformVersion": "2025.2"}, f)
        with open(os.path.join(d, "src", "app", "app-hsmeta.json"), "w") as f:
            json.dump({"uid": "t", "type": "app", "config": {"distribution": distribution,
                       "auth": {"type": auth_type, "requiredScopes": ["oauth", "crm.objects.contacts.read"]}}}, f, indent=2)
        for c in cards:
            with open(os.path.join(d, "src", "app", "cards", c + "-hsmeta.json"), "w") as f:
                json.dump({"uid": c, "type": "card", "config": {"objectTypes": [c]}}, f, indent=2)

    def test_diff_folders_warns_about_uninstall(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            self.write_project(a, "static", "private")
            self.write_project(b, "oauth", "marketplace", cards=["companies"])
            code, out, err = run("diff", a, b, "--format", "json")
            self.assertEqual(code, 0, err)
            doc = json.loads(out)
            self.assertEqual({w["code"] for w in doc["warnings"]}, {"auth-type-change", "distribution-change"})
            self.assertEqual(doc["feature_changes"][0]["adds_scopes"], ["crm.objects.companies.read"])
            code, out, err = run("diff", a, b)
            self.assertEqual(code, 0, err)
            self.assertIn("uninstalls the app from every account", out)

    def test_diff_git_revisions(self):
        with tempfile.TemporaryDirectory() as d:
            git = lambda *a: subprocess.run(["git", "-C", d, *a], check=True, capture_output=True,
                                            env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                                                 "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})
            git("init", "-q")
            self.write_project(d, "static", "private")
            git("add", "-A"); git("commit", "-qm", "one")
            self.write_project(d, "oauth", "private", cards=["deals"])
            git("add", "-A"); git("commit", "-qm", "two")
            p = subprocess.run([os.path.abspath(TIERSCOPE), "diff", "HEAD~1", "HEAD", "--format", "json"], cwd=d,
                               capture_output=True, timeout=60, env=clean_env())
            if p.returncode == 2 and b"git revisions need the native tierscope" in p.stderr:
                return  # the npm CLI (wasm in node) runs no git: it says so, exit 2 (tests/node/bin.test.mjs)
            self.assertEqual(p.returncode, 0, p.stderr)
            doc = json.loads(p.stdout)
            self.assertEqual([w["code"] for w in doc["warnings"]], ["auth-type-change"])
            self.assertEqual(doc["feature_changes"][0]["kind"], "card")
            p = subprocess.run([os.path.abspath(TIERSCOPE), "diff", "HEAD~1", "no-such-rev"], cwd=d,
                               capture_output=True, timeout=60, env=clean_env())
            self.assertEqual(p.returncode, 2)
            self.assertIn("no-such-rev", p.stderr.decode())

PROJECTS_CODE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "projects-code")


class ProjectCode(unittest.TestCase):
    """calls --scan DIR and check DIR on real public projects WITH their function code
    (tests/fixtures/projects-code/README.md cites each): the calls with file and line, over- and under-asking."""

    # fixture -> (calls as (file, line, method, path, via, client method or None), unused, uncovered (file, line))
    EXPECTED = {
        "deals-summary": (
            [("src/app/app.functions/get-data.js", 21, "GET", "/crm/v3/objects/contacts/{contactId}", "client", "crm.contacts.basicApi.getById"),
             ("src/app/app.functions/get-data.js", 34, "POST", "/crm/v3/objects/deals/batch/read", "client", "crm.deals.batchApi.read")],
            ["crm.objects.contacts.write", "crm.objects.deals.write"], []),
        "generate-quotes": (
            [("src/app/app.functions/createQuote.js", 69, "POST", "/crm/v3/objects/quotes", "client", "crm.quotes.basicApi.create"),
             ("src/app/app.functions/createQuote.js", 92, "POST", "/crm/v3/objects/line_items", "client", "crm.lineItems.basicApi.create"),
             ("src/app/app.functions/createQuote.js", 98, "GET", "/crm/v3/objects/products/{productId}", "client", "crm.products.basicApi.getById")],
            ["crm.objects.deals.write", "crm.objects.quotes.read"], []),
        "deal-close-card": (
            [("src/app/app.functions/ersCreateFolder.js", 79, "POST", "/crm/v3/objects/line_items/batch/update", "client", "crm.lineItems.batchApi.update"),
             ("src/app/app.functions/ersCreateFolder.js", 82, "POST", "/crm/v3/objects/line_items/batch/create", "literal", None),
             ("src/app/app.functions/ersCreateFolder.js", 112, "PATCH", "/crm/v3/objects/deals/{dealId}", "client", "crm.deals.basicApi.update"),
             ("src/app/app.functions/fetchLineItems.js", 46, "POST", "/collector/graphql", "literal", None),
             ("src/app/app.functions/fetchOwnersByTeam.js", 16, "GET", "/crm/v3/owners", "client", "crm.owners.ownersApi.getPage")],
            None, []),  # unused: see the README's known limit (GraphQL), only checked in part below
        "mapbox-api": (
            [("src/app/app.functions/getCompaniesWithDistanceBatch.js", 58, "GET", "/crm/v3/objects/companies", "client", "crm.companies.basicApi.getPage")],
            ["crm.objects.companies.write"], []),
        "contract-signed-tab": (
            [("src/app/app.functions/example-function.js", 27, "GET", "/crm/v3/properties/deals", "literal", None),
             ("src/app/app.functions/example-function.js", 76, "GET", "/crm-pipelines/v1/pipelines/deals", "literal", None),
             ("src/app/app.functions/saveDealProperties.js", 13, "PATCH", "/crm/v3/objects/deals/${dealId}", "literal", None),
             ("src/app/app.functions/uploadFile.js", 9, "POST", "/files/v3/files", "literal", None)],
            ["crm.objects.contacts.write"],
            [("src/app/app.functions/example-function.js", 76), ("src/app/app.functions/uploadFile.js", 9)]),
    }

    def calls_of(self, doc):
        return [(c["file"], c["line"], c["method"], c["path"], c["via"], c["client_method"]) for c in doc["calls"]]

    def test_project_code_fixtures_are_expected_and_cited(self):
        folders = sorted(d for d in os.listdir(PROJECTS_CODE) if os.path.isdir(os.path.join(PROJECTS_CODE, d)))
        self.assertEqual(folders, sorted(self.EXPECTED))
        with open(os.path.join(PROJECTS_CODE, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        for name in folders:
            self.assertIn(f"| {name} | https://github.com/", readme)
            self.assertTrue(os.path.exists(os.path.join(PROJECTS_CODE, name, "LICENSE.md")), name)

    def test_project_code_scan_finds_the_calls_at_their_file_and_line(self):
        for name, (calls, _, _) in self.EXPECTED.items():
            folder = os.path.join(PROJECTS_CODE, name)
            code, out, err = run("calls", "--scan", folder, "--format", "json")
            self.assertEqual(code, 0, name + ": " + err)
            doc = json.loads(out)
            self.assertEqual(doc["input"]["format"], "source")
            self.assertEqual(self.calls_of(doc), calls, name)
            for file, line, method, path, via, client in calls:
                # the line named holds the call: the client chain's method, or the path's first segment
                with open(os.path.join(folder, file), encoding="utf-8") as f:
                    text = f.read().split("\n")[line - 1]
                self.assertIn(client.split(".")[-1] if client else path.split("/")[1], text, f"{name} {file}:{line}")

    def test_project_code_check_dir_gives_over_and_under_asking(self):
        for name, (calls, unused, uncovered) in self.EXPECTED.items():
            code, out, err = run("check", os.path.join(PROJECTS_CODE, name), "--format", "json")
            self.assertEqual(code, 0, name + ": " + err)
            doc = json.loads(out)
            self.assertEqual(self.calls_of(doc["calls"]), calls, name)
            got_unused = sorted(u["scope"] for u in doc["calls"]["unused"])
            if unused is not None:
                self.assertEqual(got_unused, unused, name)
            self.assertEqual([(u["file"], u["line"]) for u in doc["calls"]["uncovered"]], uncovered, name)
            # the least-privilege auth block leaves the unused scopes out and covers every uncovered call
            lp = doc["least_privilege_auth"]["requiredScopes"] + doc["least_privilege_auth"]["optionalScopes"]
            for s in got_unused:
                self.assertNotIn(s, lp, name)
            for u in doc["calls"]["uncovered"]:
                self.assertTrue(any(all(s in lp for s in alt) for alt in u["alternatives"]), (name, u))
        # deal-close-card: the GraphQL call is a known operation; the data scopes its query reads are never
        # "unused" (may_be_needed), and its own note stands at its file and line
        code, out, _ = run("check", os.path.join(PROJECTS_CODE, "deal-close-card"), "--format", "json")
        doc = json.loads(out)
        self.assertFalse([d for d in doc["calls"]["diagnostics"] if d["code"] == "unmatched-call"])
        notes = [d for d in doc["calls"]["diagnostics"] if d["code"] == "query-data-scopes"]
        self.assertEqual(len(notes), 1)
        self.assertIn("/collector/graphql (src/app/app.functions/fetchLineItems.js, line 46)", notes[0]["message"])
        unused = {u["scope"] for u in doc["calls"]["unused"]}
        maybe = {m["scope"] for m in doc["calls"]["may_be_needed"]}
        for s in ("collector.graphql_query.execute", "collector.graphql_schema.read", "crm.objects.contacts.read"):
            self.assertNotIn(s, unused)
        self.assertIn("crm.objects.contacts.read", maybe)


PASTES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "pastes")


class TrialPastes(unittest.TestCase):
    """Real inputs of the 2026-12-05 trial (tests/fixtures/pastes, cited in its sources.json): what was read wrong."""

    def check(self, name):
        code, out, err = run("check", os.path.join(PASTES, name), "--format", "json")
        self.assertEqual(code, 0, err)
        return json.loads(out)

    def test_every_paste_fixture_is_cited(self):
        with open(os.path.join(PASTES, "sources.json"), encoding="utf-8") as f:
            cited = {s["fixture"] for s in json.load(f)}
        self.assertEqual(cited, {n for n in os.listdir(PASTES) if n != "sources.json"})

    def test_a_docusaurus_admonition_is_no_scope(self):
        doc = self.check("supaglue-hubspot.md")
        self.assertNotIn(":::info", doc["request"]["required"])
        self.assertFalse([d for d in doc["diagnostics"] if d["code"] == "unknown-scope"])
        self.assertIn("crm.schemas.custom.write", doc["request"]["required"])
        self.assertEqual(len(doc["request"]["required"]), 14)  # 13 listed + oauth
        self.assertIn({"line": 22, "reason": "not a scope name"}, doc["input"]["ignored"])
        code, out, _ = run("check", "-", "--format", "json", stdin=b"scopes = [:oauth, :tickets]\n")  # Ruby symbols
        self.assertEqual((code, json.loads(out)["request"]["required"]), (0, ["oauth", "tickets"]))

    def test_kind_headings_under_a_scope_heading_stay_scope_lists(self):
        doc = self.check("supaglue-hubspot-rendered.txt")
        self.assertEqual(doc["request"]["required"], ["crm.objects.contacts.read", "crm.objects.contacts.write",
                                                      "crm.objects.deals.read", "crm.objects.deals.write",
                                                      "crm.objects.owners.read", "oauth"])
        self.assertEqual({(g["line"], g["reason"]) for g in doc["input"]["ignored"]},
                         {(1, "heading"), (2, "heading"), (6, "heading")})
        code, out, _ = run("check", "-", "--format", "json",
                           stdin=b"Scopes:\nRequired:\n- tickets\nOptional:\n- automation\n")
        self.assertEqual(code, 0)
        req = json.loads(out)["request"]
        self.assertEqual((req["required"], req["optional"]), (["oauth", "tickets"], ["automation"]))

    def test_a_variable_where_the_scopes_go_is_no_scope(self):
        doc = self.check("scope-variable.ts")  # scope: minimalScopes, -> the const's string is the request
        self.assertEqual(doc["request"]["required"], ["crm.objects.contacts.read", "oauth"])
        self.assertIn({"line": 6, "reason": "not a scope name"}, doc["input"]["ignored"])
        doc = self.check("scope-env.ts")  # scope: process.env.HUBSPOT_SCOPES!, -> nothing to read, said so
        self.assertEqual(doc["request"]["required"], [])
        self.assertIn({"line": 4, "reason": "not a scope name"}, doc["input"]["ignored"])
        self.assertTrue([d for d in doc["diagnostics"] if d["code"] == "empty-request"])
        for line in (b"HUBSPOT_SCOPES=${HUBSPOT_SCOPES}\n", b"HUBSPOT_SCOPES=$HUBSPOT_SCOPES\n", b"  scope: hubspotScopes,\n"):
            code, out, _ = run("check", "-", "--format", "json", stdin=line)
            self.assertEqual((code, json.loads(out)["request"]["required"]), (0, []), line)
        code, out, _ = run("check", "-", "--format", "json", stdin=b"- hubDb\n")  # a case typo is still flagged
        self.assertIn("hubDb", json.loads(out)["request"]["required"])

    def test_an_install_url_in_code_is_read(self):
        doc = self.check("install-page.tsx")
        self.assertEqual(doc["input"]["format"], "install-url")
        self.assertEqual(doc["request"]["required"], ["crm.objects.contacts.read", "crm.objects.contacts.write", "oauth"])
        self.assertFalse([d for d in doc["diagnostics"] if d["code"] == "empty-request"])
        # two URLs: no guess which one is meant
        two = b'a = "https://app.hubspot.com/oauth/authorize?scope=oauth"\nb = "https://app-eu1.hubspot.com/oauth/authorize?scope=oauth%20tickets"\n'
        code, out, _ = run("check", "-", "--format", "json", stdin=two)
        self.assertEqual((code, json.loads(out)["input"]["format"]), (0, "list"))

    def test_an_app_hsmeta_without_type_app_is_named(self):
        # tests/fixtures/projects-trial/revenue-leak (cited in its sources.json): a flat app-hsmeta.json
        folder = os.path.join(PASTES, "..", "projects-trial", "revenue-leak")
        code, out, err = run("check", folder)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("no app config: looked for", err)
        self.assertIn("src/app/app-hsmeta.json is not read as the app: it has no \"type\": \"app\"", err)
        self.assertEqual(err.count("\n"), 1)  # one line
        with tempfile.TemporaryDirectory() as d:  # no such file: the message as before
            with open(os.path.join(d, "hsproject.json"), "w") as f:
                f.write('{"name": "p", "srcDir": "src", "platformVersion": "2025.2"}')
            code, _, err = run("check", d)
            self.assertEqual(code, 2)
            self.assertTrue(err.rstrip().endswith("public-app.json or app.json under src/"), err)


def load_tests(loader, tests, pattern):
    shard = os.environ.get("TIERSCOPE_TEST_SHARD", "")
    if not shard:
        return tests
    m = re.fullmatch(r"([1-9][0-9]*)/([1-9][0-9]*)", shard)
    if not m or int(m.group(1)) > int(m.group(2)):
        raise SystemExit(f"TIERSCOPE_TEST_SHARD={shard!r}: expected K/N with 1 <= K <= N")
    k, n = int(m.group(1)), int(m.group(2))

    def flat(suite):
        for t in suite:
            yield from (flat(t) if isinstance(t, unittest.TestSuite) else [t])
    every = sorted(flat(tests), key=lambda t: t.id())
    return unittest.TestSuite(every[k - 1::n])


if __name__ == "__main__":
    unittest.main(verbosity=2)
