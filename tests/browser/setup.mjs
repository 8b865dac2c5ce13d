// The set-up the browser test files share. useSite() registers the file's before() and after():
// before() checks that the built site holds the files the suite needs, copies it into a temporary
// folder when the suite serves it under a sub-path or adds files of its own, serves it on 127.0.0.1
// (lib.mjs's serve) and launches Chromium (lib.mjs's launch); after() closes both and removes the copy.
// Page errors and console errors (CSP violations among them) of the pages it opens go into problems.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, pageHelpers, SITE_DIR } from './lib.mjs';

/**
 * useSite({needs, sub, prepare}) → site, filled in by before():
 *   site.browser (lib.mjs's launch()), site.server ({origin, close}), site.base (origin + sub),
 *   site.dir (the served copy of the site, or SITE_DIR itself), site.problems;
 *   site.open / attr / waitAttr / waitText (lib.mjs's pageHelpers on site.base);
 *   site.watch(page, into): records page's errors and console errors into `into` (default site.problems);
 *   site.record(page, {console}): {errors, requests}, page's errors (and console errors unless console is
 *     false: for a suite whose pages fetch a missing file on purpose) and the paths it requests;
 *   site.noProblems(): asserts no page problem and no request that left 127.0.0.1.
 * needs: paths the built site must hold; sub: the path the site is served under ('/'); prepare(dir, root):
 * adds files to the copy (dir: the site's copy, root: the served folder) before it is served.
 */
export function useSite({ needs = ['index.html', 'tierscope.mjs'], sub = '/', prepare } = {}) {
  const site = { browser: null, server: null, base: '', dir: SITE_DIR, problems: [] };
  let root = null;
  before(async () => {
    for (const f of needs) {
      assert.ok(existsSync(join(SITE_DIR, f)), `${join(SITE_DIR, f)} is missing: build the site first (scripts/build.sh)`);
    }
    if (sub !== '/' || prepare) {
      root = mkdtempSync(join(tmpdir(), 'tierscope-browser-'));
      site.dir = join(root, ...sub.split('/').filter(Boolean));
      mkdirSync(site.dir, { recursive: true });
      cpSync(SITE_DIR, site.dir, { recursive: true });
      if (prepare) await prepare(site.dir, root);
    }
    site.server = await serve(root || SITE_DIR);
    site.browser = await launch();
    site.base = site.server.origin + sub;
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  site.watch = (page, into = site.problems, { console = true } = {}) => {
    page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
    if (console) page.on('console', (m) => { if (m.type() === 'error') into.push(`console: ${m.text()}`); });
    return page;
  };
  site.record = (page, { console = true } = {}) => {
    const errors = []; const requests = [];
    site.watch(page, errors, { console });
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    return { errors, requests };
  };
  site.noProblems = () => {
    assert.deepEqual(site.problems, [], 'no page errors, console errors or CSP violations');
    assert.deepEqual(site.browser.blocked, [], 'no request left 127.0.0.1');
  };
  return Object.assign(site, pageHelpers(() => site.browser, () => site.base, site.problems));
}
