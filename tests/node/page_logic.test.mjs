// The page's logic that needs no browser: the paste rewriting (site/state.js) a one-click fix uses to keep the
// pasted config the source, and which diagnostics name a bad scope name (site/matrix.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rewritePaste } from '../../site/state.js';
import { badName, invalidScopes } from '../../site/matrix.js';

test('a static-auth app config keeps no optional or conditionally required list (static auth takes required scopes only)', () => {
  const text = JSON.stringify({ config: { name: 'S', auth: { type: 'static', requiredScopes: ['oauth', 'tickets'],
    optionalScopes: ['tickets', 'automation'], conditionallyRequiredScopes: [] } } });
  const out = JSON.parse(rewritePaste('app-hsmeta', text, { required: 'oauth tickets', conditional: '', optional: '' }));
  assert.deepEqual(out.config.auth, { type: 'static', requiredScopes: ['oauth', 'tickets'] });
  // Fields that static auth cannot express: the fields lead, the paste is left as it is.
  assert.equal(rewritePaste('app-hsmeta', text, { required: 'oauth', conditional: '', optional: 'automation' }), null);
  // OAuth keeps its lists, emptied or not.
  const oauth = JSON.stringify({ config: { auth: { type: 'oauth', requiredScopes: ['oauth'], optionalScopes: ['automation'] } } });
  assert.deepEqual(JSON.parse(rewritePaste('app-hsmeta', oauth, { required: 'oauth', conditional: '', optional: '' })).config.auth,
    { type: 'oauth', requiredScopes: ['oauth'], optionalScopes: [] });
});

test('bad names: unknown, retired and placeholder diagnostics, nothing else', () => {
  const diagnostics = ['unknown-scope', 'retired-scope', 'placeholder-in-scope', 'comma-separated', 'alias', 'sources-disagree']
    .map((code, i) => ({ code, scope: `s${i}` }));
  assert.deepEqual(diagnostics.filter(badName).map((d) => d.code), ['unknown-scope', 'retired-scope', 'placeholder-in-scope']);
  assert.deepEqual(invalidScopes({ diagnostics }), ['s0', 's1', 's2']);
});
