// What every VU context starts with before any module: the VU's globals (__VU, __ENV, ...),
// the `core` object modules are installed with, and the function that runs one iteration.
// Evaluated once per context; `installModules` (made from the module registry) installs the
// eager modules and declares the lazy ones.
(function (vu, scenario, env, hosts, installModules) {
  'use strict';

  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });

  // Each module's exports once installed, and how to install the others on first use.
  const installed = Object.create(null);
  const pending = Object.create(null);

  function module(name) {
    let exports = installed[name];
    if (exports === undefined) {
      const later = pending[name];
      if (later === undefined) {
        throw new Error(`no built-in module '${name}'`);
      }
      exports = later.installer()(hosts.host(name), core);
      installed[name] = exports;
      const globals = later.globals;
      for (let i = 0; i < globals.length; i++) {
        define(globals[i], exports[globals[i]]);
      }
    }
    return exports;
  }

  // A module installed now: its globals defined from its exports.
  function install(name, globals, installer) {
    const exports = installer(hosts.host(name), core);
    installed[name] = exports;
    for (let i = 0; i < globals.length; i++) {
      define(globals[i], exports[globals[i]]);
    }
  }

  // A module installed the first time one of its globals is read; assigning one replaces it.
  function lazy(name, globals, installer) {
    pending[name] = { globals, installer };
    const descriptors = Object.create(null);
    for (let i = 0; i < globals.length; i++) {
      const key = globals[i];
      descriptors[key] = { configurable: true, enumerable: false, get: () => module(name)[key], set: (value) => define(key, value) };
    }
    Object.defineProperties(globalThis, descriptors);
  }

  function bytesToBuffer(text) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  // Arguments of console.log() and print() as one line: strings as they are, values as JSON.
  function format(args) {
    let text = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      let s;
      if (typeof a === 'string') {
        s = a;
      } else if (a instanceof Error) {
        s = String(a);
      } else if (typeof a === 'function' || a === undefined) {
        s = String(a);
      } else {
        try {
          s = JSON.stringify(a);
        } catch (e) {
          s = String(a);
        }
        if (s === undefined) {
          s = String(a);
        }
      }
      text += (i > 0 ? ' ' : '') + s;
    }
    return text;
  }

  const core = Object.freeze({ module, bytesToBuffer, format });

  globalThis.__ENV = env;
  globalThis.__VU = vu;
  globalThis.__WORKER_ID = vu - 1;
  globalThis.__ITERATION = 0;
  globalThis.__ITER = 0;
  globalThis.__SCENARIO = scenario;
  // One object per VU context, so it survives from one iteration to the next.
  globalThis.__VU_STATE = {};
  // How the built-in import files (k6/*) reach the modules, out of the way of scripts' own names.
  Object.defineProperty(globalThis, '__fusillade', { value: Object.freeze({ module }), enumerable: false });

  installModules(install, lazy);

  // The VU loop calls this once per iteration: one call into JS sets the iteration globals
  // and runs the scenario's function.
  return function iterate(fn, iteration, data) {
    globalThis.__ITERATION = iteration;
    globalThis.__ITER = iteration;
    fn(data);
  };
})
