#!/usr/bin/env python3
"""Bench: `tierscope calls --scan` over a generated project of 5,000 source files (issue 20: <= 2 s
natively). Not a test: run by hand, record the figure in BENCHMARKS.md.

Usage: python3 bench/scan.py [build/cli/tierscope] [--files 5000] [--runs 3]
Each file: ~60 lines of JS/TS or Python, with literal API paths, template strings, f-strings and
@hubspot/api-client method calls among ordinary code (a mix in the proportions of real projects).
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

JS = """import {{ Client }} from '@hubspot/api-client';
const hubspotClient = new Client({{ accessToken: process.env.TOKEN }});
export async function handler{n}(event) {{
  const id = event.objectId;
  const page = await hubspotClient.crm.contacts.basicApi.getPage(10);
  const deal = await hubspotClient.crm.deals.basicApi.getById(id);
  await axios.post(`https://api.hubapi.com/crm/v3/objects/notes`, {{ properties: {{}} }});
  const r = await fetch(`${{BASE}}/crm/v3/objects/companies/${{id}}`, {{
    method: 'PATCH',
    body: JSON.stringify({{ properties: {{ name: 'x{n}' }} }}),
  }});
{filler}  return {{ statusCode: 200, body: JSON.stringify(page) }};
}}
"""
PY = """import requests
from hubspot import HubSpot

client = HubSpot(access_token=TOKEN)

def sync_{n}(ticket_id):
    t = requests.get(f"https://api.hubapi.com/crm/v3/objects/tickets/{{ticket_id}}")
    client.crm.companies.basic_api.get_page()
{filler}    return t.json()
"""


def filler(n, indent):
    return "".join(f"{indent}const v{i} = compute({i}, '{n}-{i}') + \"text {i}\";\n" if indent == "  " else
                   f"{indent}v{i} = compute({i}, '{n}-{i}') + \"text {i}\"\n" for i in range(50))


def main():
    args = sys.argv[1:]
    binary = args[0] if args and not args[0].startswith("--") else "build/cli/tierscope"
    files = int(args[args.index("--files") + 1]) if "--files" in args else 5000
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    with tempfile.TemporaryDirectory() as d:
        total = 0
        for n in range(files):
            sub = os.path.join(d, "src", f"m{n % 50}")
            os.makedirs(sub, exist_ok=True)
            py = n % 4 == 3
            text = (PY if py else JS).format(n=n, filler=filler(n, "    " if py else "  "))
            total += len(text)
            with open(os.path.join(sub, f"f{n}.{'py' if py else 'ts'}"), "w") as f:
                f.write(text)
        times, cpus = [], []
        for _ in range(runs):
            t = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            p = subprocess.run([binary, "calls", "--scan", d, "--format", "json"], capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(time.perf_counter() - t)
            # CPU time (user + system) of the scan: on a busy machine the wall time mostly measures the others.
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if p.returncode != 0:
                sys.exit(p.stderr.decode())
        print(f"{files} files, {total / 1e6:.1f} MB: calls --scan median {statistics.median(times):.2f} s wall, "
              f"{statistics.median(cpus):.2f} s CPU (runs, wall: {', '.join(f'{x:.2f}' for x in times)}; "
              f"CPU: {', '.join(f'{x:.2f}' for x in cpus)}); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
