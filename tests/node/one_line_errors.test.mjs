// Issue 23 in the JS API: an error that quotes user text (an option key, an account.hubs key, a
// property name in a JSON.stringify error) is one line, so a CI log cannot read a line of the input
// (`::error file=x::injected`) as a workflow command.
import test from 'node:test';
import assert from 'node:assert/strict';
import { tierscope } from './helpers.mjs';

/** The Error thrown by fn; its message is one line: no control character or bidi override at all. */
function oneLineError(fn, code) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error, 'throws an Error');
  assert.equal(error.code, code);
  assert.doesNotMatch(error.message, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, error.message);
  assert.equal(error.message.split('\n').length, 1);
  return error.message;
}

test('an unknown option key with a newline and a workflow command is quoted on one line', async () => {
  const ts = await tierscope();
  const message = oneLineError(() => ts.check('oauth', { 'with\n::error file=x::injected': true }), 'bad-options');
  assert.match(message, /unknown option "with\\u000a::error file=x::injected"/);
  assert.ok(!message.split('\n').some((line) => line.startsWith('::')));
});

test('an account.hubs key with a newline is quoted on one line', async () => {
  const ts = await tierscope();
  const message = oneLineError(() => ts.check('oauth', { account: { hubs: { 'x\n::error::y': 'professional' } } }), 'bad-options');
  assert.match(message, /unknown hub "x\\u000a::error::y"/);
});

test('other option values and keys that reach a message stay one line', async () => {
  const ts = await tierscope();
  oneLineError(() => ts.check('oauth', { account: { 'x\r\n::error::y': 1 } }), 'bad-options');
  oneLineError(() => ts.check('oauth', { account: { features: ['x\n::error::y'] } }), 'bad-options');
  oneLineError(() => ts.check('oauth', { profiles: ['x\u001b[2J\u202e'] }), 'bad-options');
  oneLineError(() => ts.check({ 'x\n::error::y': [] }), 'parse-error');
  oneLineError(() => ts.check('oauth', '{"lean": fals\n::error::x}'), 'bad-options');
});

test('a circular options object (a multi-line JSON.stringify error) is one line', async () => {
  const ts = await tierscope();
  const circular = { 'a\n::error::b': {} };
  circular['a\n::error::b'].self = circular;
  oneLineError(() => ts.check('oauth', circular), 'bad-options');
});
