// The pieces of web/server/security.ts and json.ts that need no server.
import { describe, expect, it } from 'vitest';
import { appConfig } from '../../../db/config.ts';
import { jsonDepth } from '../../../web/server/json.ts';
import {
  allowedHostNames,
  checkExposure,
  checkToken,
  hostName,
  LoginBackoff,
} from '../../../web/server/security.ts';

describe('Host names', () => {
  it.each([
    ['127.0.0.1:5173', '127.0.0.1'],
    ['LocalHost', 'localhost'],
    ['[::1]:5173', '::1'],
    ['explorer.example.org.', 'explorer.example.org'],
    ['attacker.example:80', 'attacker.example'],
  ])('%s is %s', (header, name) => expect(hostName(header)).toBe(name));

  it('allows loopback, the listening address and the configured names, nothing else', () => {
    const names = allowedHostNames('192.168.7.9', ['cadre.example.org']);
    for (const name of ['localhost', '127.0.0.1', '::1', '192.168.7.9', 'cadre.example.org'])
      expect(names.has(name), name).toBe(true);
    expect(names.has('attacker.example')).toBe(false);
    // On every interface: each local address is a listening address.
    expect(allowedHostNames('0.0.0.0').size).toBeGreaterThanOrEqual(3);
  });

  it('reads CADRE_ALLOWED_HOSTS as a comma-separated list', () => {
    expect(appConfig({ CADRE_ALLOWED_HOSTS: ' a.example , b.example,' }).allowedHosts).toEqual([
      'a.example',
      'b.example',
    ]);
  });
});

describe('the access token', () => {
  it('must have 16 characters or more, spaces not counted', () => {
    expect(() => checkToken('x')).toThrow(/at least 16 characters/);
    expect(() => checkToken(' '.repeat(20))).toThrow(/at least 16/);
    expect(() => checkToken('a-good-long-token-1')).not.toThrow();
    // Set but blank is refused, not taken as unset.
    const { accessToken } = appConfig({ CADRE_ACCESS_TOKEN: ' ' });
    expect(accessToken).toBe(' ');
    expect(() => checkExposure('0.0.0.0', accessToken)).toThrow(/at least 16/);
    expect(() => checkExposure('127.0.0.1', 'short')).toThrow(/at least 16/);
  });
});

describe('LoginBackoff', () => {
  it('doubles the wait after each failure up to the cap, per client, and a success clears it', () => {
    const backoff = new LoginBackoff(250, 2000);
    expect(backoff.wait('a', 0)).toBe(0);
    // One typo is free.
    backoff.failed('a', 0);
    expect(backoff.wait('a', 0)).toBe(0);
    backoff.failed('a', 0);
    expect(backoff.wait('a', 0)).toBe(250);
    backoff.failed('a', 250);
    expect(backoff.wait('a', 250)).toBe(500);
    for (let i = 0; i < 10; i++) backoff.failed('a', 1000);
    expect(backoff.wait('a', 1000)).toBe(2000);
    expect(backoff.wait('b', 1000)).toBe(0);
    backoff.succeeded('a');
    expect(backoff.wait('a', 1000)).toBe(0);
  });

  it('forgets the oldest clients past its size', () => {
    const backoff = new LoginBackoff(1000, 1000, 2);
    for (const client of ['a', 'b', 'c']) for (let i = 0; i < 2; i++) backoff.failed(client, 0);
    expect([backoff.wait('a', 0), backoff.wait('b', 0), backoff.wait('c', 0)]).toEqual([0, 1000, 1000]);
  });
});

describe('jsonDepth', () => {
  it('counts arrays and objects, not brackets in strings', () => {
    expect(jsonDepth('{"a": [1, {"b": 2}]}')).toBe(3);
    expect(jsonDepth('{"a": "[[[[{{{{\\"[["}')).toBe(1);
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('['.repeat(5000), 32)).toBe(33);
  });
});
