// The script standard library, installed after the prelude in every VU context. Only what is
// small is defined here; the rest (custom metrics, shared data, crypto/encoding/utils, unit
// tests, the k6 module helpers) is evaluated from its own source the first time a script
// touches one of its globals, so a VU that does not use it pays nothing for it.
(function (lib, fus) {
  'use strict';

  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });

  // A part's globals, loaded on first use: reading one evaluates the part and replaces every
  // global it defines with a plain value.
  const parts = new Map();
  function part(name) {
    let loaded = parts.get(name);
    if (loaded === undefined) {
      loaded = lib.loadPart(name)(lib, core);
      parts.set(name, loaded);
      for (const key of Object.keys(loaded)) {
        if (lazyNames[key] === name) {
          define(key, loaded[key]);
        }
      }
    }
    return loaded;
  }
  // Every VU context runs this set-up once, so it avoids what would make code hot enough to be
  // compiled for nothing with many VUs (loops, a defineProperty call per global, iterators,
  // Maps): straight-line descriptors, defined in one call at the end.
  const lazyNames = Object.create(null);
  const descriptors = Object.create(null);
  const lazy = (partName, key) => {
    lazyNames[key] = partName;
    descriptors[key] = { configurable: true, enumerable: false, get: () => part(partName)[key], set: (value) => define(key, value) };
  };
  const plain = (value) => ({ value, writable: true, enumerable: false, configurable: true });

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

  const core = Object.freeze({ bytesToBuffer, part });

  descriptors.group = plain(group);
  descriptors.segment = plain(group);
  descriptors.fail = plain(fail);
  descriptors.sleepRandom = plain(sleepRandom);
  descriptors.open = plain(open);
  console.table = table;
  lazy('metrics', 'metrics');
  lazy('metrics', 'stats');
  lazy('data', 'SharedArray');
  lazy('data', 'SharedCSV');
  lazy('crypto', 'crypto');
  lazy('crypto', 'encoding');
  lazy('crypto', 'utils');
  lazy('tests', 'describe');
  lazy('tests', 'test');
  lazy('tests', 'it');
  lazy('tests', 'expect');
  // What the k6/* modules build on, out of the way of scripts' own names.
  lazy('k6', '__fusillade_k6');
  Object.defineProperties(globalThis, descriptors);
})
