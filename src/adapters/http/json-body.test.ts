import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonBody } from './json-body.js';

describe('parseJsonBody', () => {
  it('parses JSON, including keys that merely mention constructor', () => {
    assert.deepEqual(parseJsonBody('{"a":[1,{"constructor":"x"}]}'), { ok: true, value: { a: [1, { constructor: 'x' }] } });
  });
  it('refuses a __proto__ key with its path, also when written with \\u escapes', () => {
    assert.deepEqual(parseJsonBody('{"person":{"__proto__":{"admin":true}}}'), { ok: false, issues: [{ path: 'person.__proto__', message: 'the key __proto__ is not allowed; remove it' }] });
    const escaped = parseJsonBody('{"a":[{"\\u005f_proto__":1}]}');
    assert.equal(!escaped.ok && escaped.issues[0]?.path, 'a[0].__proto__');
    const ctor = parseJsonBody('{"constructor":{"prototype":{}}}');
    assert.equal(!ctor.ok && ctor.issues[0]?.path, 'constructor');
  });
  it('says what is wrong with an empty or malformed body, briefly', () => {
    assert.deepEqual(parseJsonBody(' '), { ok: false, issues: [{ path: '(body)', message: 'the body is empty; send a JSON object' }] });
    const r = parseJsonBody(`{"person": ${'x'.repeat(5000)}`);
    assert.ok(!r.ok && /^the body is not valid JSON: /.test(r.issues[0]?.message ?? '') && (r.issues[0]?.message.length ?? 0) < 160);
  });
  it('walks a deeply nested body without overflowing the stack', () => {
    const deep = `{"k":"\\u0041","v":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    assert.equal(parseJsonBody(deep).ok, true);
  });
});
