// The data module: SharedArray (one copy per run, a read-only view per VU), SharedCSV, and
// utils (random test data, sequential ids). Installed in a VU on first use; `lib` is the VU's
// DataHost.
(function (lib, core) {
  'use strict';

  // ---- files and shared data ----------------------------------------------------------------
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

  return { SharedArray, SharedCSV, utils };
})
