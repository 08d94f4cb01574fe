// The script standard library, installed after the prelude in every VU context: groups,
// custom metrics, data files, shared data, hashing, encoding, random data, unit tests. Evaluated
// as a function of the VU's standard-library host object and its request bridge.
(function (lib, fus) {
  'use strict';

  const hidden = (name, value) => Object.defineProperty(globalThis, name, { value, writable: false, enumerable: false });
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });

  // ---- groups -------------------------------------------------------------------------------
  let groupPath = '';
  function group(name, fn) {
    const label = String(name);
    if (label.includes('::')) {
      throw new Error(`group name '${label}' must not contain '::'`);
    }
    if (typeof fn !== 'function') {
      throw new TypeError(`group '${label}' needs a function`);
    }
    const outer = groupPath;
    groupPath = outer + '::' + label;
    fus.setGroup(groupPath);
    const start = Date.now();
    try {
      return fn();
    } finally {
      lib.groupDuration(Date.now() - start);
      groupPath = outer;
      fus.setGroup(outer);
    }
  }

  function fail(message) {
    throw new Error(message === undefined ? 'fail() called' : String(message));
  }

  function sleepRandom(min, max) {
    const lo = Number(min);
    const hi = Number(max);
    sleep(lo + Math.random() * Math.max(0, hi - lo));
  }

  // ---- console.table ------------------------------------------------------------------------
  function cell(value) {
    if (value === undefined) {
      return '';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function table(data) {
    const rows = Array.isArray(data) ? data : (data !== null && typeof data === 'object' ? Object.values(data) : [data]);
    const columns = [];
    for (const row of rows) {
      if (row !== null && typeof row === 'object') {
        for (const key of Object.keys(row)) {
          if (!columns.includes(key)) {
            columns.push(key);
          }
        }
      }
    }
    const header = ['(index)', ...(columns.length ? columns : ['Values'])];
    const body = rows.map((row, i) => [String(i), ...(columns.length
      ? columns.map((c) => (row !== null && typeof row === 'object' ? cell(row[c]) : ''))
      : [cell(row)])]);
    const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
    const line = (cells) => '│ ' + cells.map((s, c) => s.padEnd(widths[c])).join(' │ ') + ' │';
    const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
    const text = [rule('┌', '┬', '┐'), line(header), rule('├', '┼', '┤'), ...body.map(line), rule('└', '┴', '┘')];
    console.info('\n' + text.join('\n'));
  }

  // ---- custom metrics -----------------------------------------------------------------------
  const COUNTER = 1, GAUGE = 2, RATE = 3, TREND = 4;
  const metricIds = new Map();
  function metricId(type, name) {
    const key = type + ':' + name;
    let id = metricIds.get(key);
    if (id === undefined) {
      id = lib.defineMetric(String(name), type);
      metricIds.set(key, id);
    }
    return id;
  }
  function addMetric(type, id, value, tags) {
    const number = typeof value === 'boolean' ? (value ? 1 : 0) : Number(value);
    if (tags === undefined || tags === null) {
      lib.addMetric(id, type, number);
    } else {
      lib.addTaggedMetric(id, type, number, tags);
    }
  }
  const metrics = Object.freeze({
    histogramAdd: (name, value, tags) => addMetric(TREND, metricId(TREND, name), value, tags),
    counterAdd: (name, value, tags) => addMetric(COUNTER, metricId(COUNTER, name), value === undefined ? 1 : value, tags),
    gaugeSet: (name, value, tags) => addMetric(GAUGE, metricId(GAUGE, name), value, tags),
    rateAdd: (name, success, tags) => addMetric(RATE, metricId(RATE, name), success ? 1 : 0, tags),
  });

  // One class per k6 metric type, for k6/metrics.
  function metricClass(type) {
    return class {
      constructor(name, isTime) {
        if (typeof name !== 'string' || name.length === 0) {
          throw new TypeError('a metric needs a name');
        }
        this.name = name;
        this.isTime = !!isTime;
        Object.defineProperty(this, '_id', { value: metricId(type, name) });
      }

      add(value, tags) {
        if (type === RATE) {
          value = typeof value === 'number' ? value !== 0 : !!value;
        }
        addMetric(type, this._id, value, tags);
        return true;
      }
    };
  }
  const metricClasses = Object.freeze({
    Counter: metricClass(COUNTER), Gauge: metricClass(GAUGE), Rate: metricClass(RATE), Trend: metricClass(TREND),
  });

  // ---- files and shared data ----------------------------------------------------------------
  function bytesToBuffer(text) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function open(path, mode) {
    if (mode === 'b') {
      return bytesToBuffer(lib.openBinary(String(path)));
    }
    return lib.open(String(path));
  }

  function sharedView(data, what) {
    const length = data.length();
    const get = (i) => JSON.parse(data.get(i));
    const target = [];
    return new Proxy(target, {
      get(t, key) {
        if (typeof key === 'string') {
          if (key === 'length') {
            return length;
          }
          const index = key.length > 0 && key.length < 11 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57 ? Number(key) : NaN;
          if (Number.isInteger(index)) {
            return index < length ? get(index) : undefined;
          }
        }
        if (key === Symbol.iterator) {
          return function* () {
            for (let i = 0; i < length; i++) {
              yield get(i);
            }
          };
        }
        return Array.prototype[key];
      },
      has(t, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          return Number(key) < length;
        }
        return key === 'length' || key in Array.prototype;
      },
      set() {
        throw new TypeError(`${what} is read-only`);
      },
      deleteProperty() {
        throw new TypeError(`${what} is read-only`);
      },
      defineProperty() {
        throw new TypeError(`${what} is read-only`);
      },
      ownKeys() {
        const keys = [];
        for (let i = 0; i < length; i++) {
          keys.push(String(i));
        }
        keys.push('length');
        return keys;
      },
      getOwnPropertyDescriptor(t, key) {
        if (key === 'length') {
          return { value: length, writable: true, enumerable: false, configurable: false };
        }
        if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) < length) {
          return { value: get(Number(key)), writable: false, enumerable: true, configurable: true };
        }
        return undefined;
      },
    });
  }

  class SharedArray {
    constructor(name, fn) {
      if (typeof name !== 'string' || name.length === 0) {
        throw new TypeError('SharedArray needs a name');
      }
      if (typeof fn !== 'function') {
        throw new TypeError(`SharedArray '${name}' needs a function that returns an array`);
      }
      const data = lib.sharedArray(name, () => {
        const value = fn();
        if (!Array.isArray(value)) {
          throw new TypeError(`SharedArray '${name}': the function must return an array`);
        }
        return value.map((item) => JSON.stringify(item === undefined ? null : item));
      });
      return sharedView(data, `SharedArray '${name}'`);
    }
  }

  class SharedCSV {
    constructor(path) {
      const table = lib.sharedCsv(String(path));
      const headers = Object.freeze(Array.from(table.headers()));
      Object.defineProperty(this, 'length', { value: table.length(), enumerable: true });
      Object.defineProperty(this, 'headers', { value: headers, enumerable: true });
      Object.defineProperty(this, '_table', { value: table });
      Object.freeze(this);
    }

    get(index) {
      const i = Number(index);
      if (!Number.isInteger(i) || i < 0 || i >= this.length) {
        throw new RangeError(`row ${index} is out of range (0..${this.length - 1})`);
      }
      const fields = this._table.row(i);
      const row = {};
      for (let c = 0; c < this.headers.length; c++) {
        row[this.headers[c]] = fields[c];
      }
      return row;
    }

    random() {
      return this.get(Math.floor(Math.random() * this.length));
    }
  }

  // ---- crypto, encoding, utils --------------------------------------------------------------
  const crypto = Object.freeze({
    md5: (data, enc) => lib.hash('md5', data, enc || 'hex'),
    sha1: (data, enc) => lib.hash('sha1', data, enc || 'hex'),
    sha256: (data, enc) => lib.hash('sha256', data, enc || 'hex'),
    sha384: (data, enc) => lib.hash('sha384', data, enc || 'hex'),
    sha512: (data, enc) => lib.hash('sha512', data, enc || 'hex'),
    hmac: (algorithm, key, data, enc) => lib.hmac(String(algorithm), key, data, enc || 'hex'),
    randomUUID: () => lib.uuid(),
    randomBytes: (n) => bytesToBuffer(lib.randomBytes(Number(n))),
    getRandomValues(array) {
      const bytes = lib.randomBytes(array.byteLength);
      const view = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) {
        view[i] = bytes.charCodeAt(i);
      }
      return array;
    },
  });

  const encoding = Object.freeze({
    b64encode: (data, variant) => lib.b64encode(data, variant || 'std'),
    b64decode: (data, variant) => lib.b64decode(String(data), variant || 'std'),
  });

  const utils = Object.freeze({
    uuid: () => lib.uuid(),
    randomInt: (min, max) => lib.randomInt(Math.ceil(Number(min)), Math.floor(Number(max))),
    randomString: (length, charset) => lib.randomString(Number(length), charset === undefined ? null : String(charset)),
    randomItem: (array) => array[Math.floor(Math.random() * array.length)],
    randomEmail: () => lib.randomEmail(),
    randomPhone: () => lib.randomPhone(),
    randomName: () => JSON.parse(lib.randomName()),
    randomDate: (startYear, endYear) => lib.randomDate(Number(startYear), Number(endYear)),
    sequentialId: () => lib.sequentialId(),
  });

  // ---- unit tests ---------------------------------------------------------------------------
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

  // ---- execution context (k6/execution) -----------------------------------------------------
  const execution = Object.freeze({
    vu: Object.freeze({
      get idInTest() { return __VU; },
      get idInInstance() { return __VU; },
      get iterationInInstance() { return __ITER; },
      get iterationInScenario() { return __ITER; },
    }),
    scenario: Object.freeze({
      get name() { return lib.scenarioName(); },
      get iterationInInstance() { return __ITER; },
    }),
    test: Object.freeze({
      abort: (reason) => lib.abort(reason === undefined ? null : String(reason)),
    }),
  });

  define('group', group);
  define('segment', group);
  define('fail', fail);
  define('sleepRandom', sleepRandom);
  console.table = table;
  define('metrics', metrics);
  define('open', open);
  define('SharedArray', SharedArray);
  define('SharedCSV', SharedCSV);
  define('crypto', crypto);
  define('encoding', encoding);
  define('utils', utils);
  define('describe', describe);
  define('test', test);
  define('it', test);
  define('expect', expect);
  define('__VU_STATE', {});
  // What the k6/* modules build on, out of the way of scripts' own names.
  hidden('__fusillade_k6', Object.freeze({
    metricClasses, execution, bytesToBuffer, b64decodeBytes: (data, variant) => lib.b64decodeBytes(data, variant),
  }));
})
