// The k6 module: the core functions k6 scripts import from 'k6' (check, group, sleep, fail)
// and the init-context open(). Installed in every VU as it starts; `fus` is the VU's K6Host.
(function (fus, core) {
  'use strict';

  const checkIds = new Map();
  function check(value, checks) {
    let all = true;
    for (const name of Object.keys(checks)) {
      const predicate = checks[name];
      let result;
      let message = null;
      try {
        result = typeof predicate === 'function' ? predicate(value) : predicate;
      } catch (e) {
        result = false;
        message = String(e && e.message !== undefined ? e.message : e);
      }
      let pass;
      if (typeof result === 'string') {
        pass = false;
        message = result;
      } else {
        pass = !!result;
      }
      let id = checkIds.get(name);
      if (id === undefined) {
        id = fus.intern(name);
        checkIds.set(name, id);
      }
      fus.check(id, pass, pass ? null : message);
      if (!pass) {
        all = false;
      }
    }
    return all;
  }

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
      fus.groupDuration(Date.now() - start);
      groupPath = outer;
      fus.setGroup(outer);
    }
  }

  function fail(message) {
    throw new Error(message === undefined ? 'fail() called' : String(message));
  }

  const sleep = (seconds) => fus.sleep(Number(seconds));

  function sleepRandom(min, max) {
    const lo = Number(min);
    const hi = Number(max);
    sleep(lo + Math.random() * Math.max(0, hi - lo));
  }

  function open(path, mode) {
    if (mode === 'b') {
      return core.bytesToBuffer(fus.openBinary(String(path)));
    }
    return fus.open(String(path));
  }

  return { check, assertion: check, group, segment: group, fail, sleep, sleepRandom, open };
})
