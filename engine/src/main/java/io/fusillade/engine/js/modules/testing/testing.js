// The testing module: unit tests for `fusillade test` (describe, test and its alias it,
// expect). Installed in a VU on first use; `lib` is the VU's TestingHost.
(function (lib, core) {
  'use strict';

  let suite = '';
  function describe(name, fn) {
    const outer = suite;
    suite = outer ? outer + ' › ' + name : String(name);
    try {
      fn();
    } finally {
      suite = outer;
    }
  }

  function test(name, fn) {
    if (!lib.testing()) {
      return;
    }
    const title = suite ? suite + ' › ' + name : String(name);
    const start = Date.now();
    try {
      fn();
      lib.testResult(title, true, null, Date.now() - start);
    } catch (e) {
      lib.testResult(title, false, String(e && e.message !== undefined ? e.message : e), Date.now() - start);
    }
  }

  function show(value) {
    try {
      const text = JSON.stringify(value);
      return text === undefined ? String(value) : text;
    } catch (e) {
      return String(value);
    }
  }

  function deepEqual(a, b) {
    if (Object.is(a, b)) {
      return true;
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      return false;
    }
    if (Array.isArray(a) !== Array.isArray(b)) {
      return false;
    }
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }

  function expect(actual) {
    const assert = (pass, message) => {
      if (!pass) {
        throw new Error(message);
      }
    };
    return Object.freeze({
      toBe: (expected) => assert(Object.is(actual, expected), `expected ${show(actual)} to be ${show(expected)}`),
      toEqual: (expected) => assert(deepEqual(actual, expected), `expected ${show(actual)} to equal ${show(expected)}`),
      toBeTruthy: () => assert(!!actual, `expected ${show(actual)} to be truthy`),
      toBeFalsy: () => assert(!actual, `expected ${show(actual)} to be falsy`),
      toContain: (item) => assert(actual != null && actual.includes(item), `expected ${show(actual)} to contain ${show(item)}`),
      toBeGreaterThan: (n) => assert(actual > n, `expected ${show(actual)} to be greater than ${show(n)}`),
      toBeLessThan: (n) => assert(actual < n, `expected ${show(actual)} to be less than ${show(n)}`),
      toThrow: () => {
        let threw = false;
        try {
          actual();
        } catch (e) {
          threw = true;
        }
        assert(threw, 'expected the function to throw');
      },
    });
  }

  return { describe, test, it: test, expect };
})
