// Installs the Fusillade globals in a fresh VU context. Evaluated once per context as a
// function taking the VU's host bridge, which stays private to these closures; returns the
// function that runs one iteration.
(function (fus, vu) {
  'use strict';

  // Written out per method, not made by a factory: code run once per VU context at start-up
  // would otherwise become hot enough for the JIT to compile it for nothing. A request
  // without body or params takes a call that needs no conversion of either.
  const text = (url) => (typeof url === 'string' ? url : String(url));
  const send = (method, url, body, params) => defaults !== null || hooked
    ? sendWithExtras(method, url, body, params)
    : (body === undefined || body === null) && params === undefined
      ? fus.requestPlain(method, text(url))
      : fus.request(method, text(url), body === undefined ? null : body, params === undefined ? null : params);

  // http.setDefaults() and http.addHook(): only requests made while some are set take this path.
  let defaults = null;
  let hooked = false;
  const hooks = { beforeRequest: [], afterResponse: [] };
  function withDefaults(params) {
    if (defaults === null) {
      return params;
    }
    const p = params === undefined || params === null ? {} : params;
    return Object.assign({}, defaults, p, { headers: Object.assign({}, defaults.headers, p.headers) });
  }
  function sendWithExtras(method, url, body, params) {
    let p = withDefaults(params);
    let req = { method, url: text(url), body: body === undefined ? null : body, headers: Object.assign({}, p && p.headers) };
    for (const hook of hooks.beforeRequest) {
      const changed = hook(req);
      if (changed !== undefined && changed !== null && typeof changed === 'object') {
        req = changed;
      }
    }
    p = Object.assign({}, p, { headers: req.headers });
    const res = fus.request(String(req.method).toUpperCase(), text(req.url), req.body === undefined ? null : req.body, p);
    for (const hook of hooks.afterResponse) {
      hook(res);
    }
    return res;
  }

  const http = {
    get: (url, params) => send('GET', url, null, params),
    head: (url, params) => send('HEAD', url, null, params),
    options: (url, body, params) => send('OPTIONS', url, body, params),
    del: (url, body, params) => send('DELETE', url, body, params),
    post: (url, body, params) => send('POST', url, body, params),
    put: (url, body, params) => send('PUT', url, body, params),
    patch: (url, body, params) => send('PATCH', url, body, params),
    request(method, url, body, params) {
      if (method !== null && typeof method === 'object') {
        const spec = method;
        return send(String(spec.method || 'GET').toUpperCase(), spec.url, spec.body, spec);
      }
      return send(String(method).toUpperCase(), url, body, params);
    },
    batch(requests) {
      // Each entry: a URL string, [method, url, body, params], or { method, url, body, params | ...params }.
      const list = Array.isArray(requests) ? requests : Object.values(requests);
      const normalized = list.map((r) => {
        if (typeof r === 'string') {
          return ['GET', r, null, withDefaults(undefined) || null];
        }
        if (Array.isArray(r)) {
          return [String(r[0]).toUpperCase(), text(r[1]), r[2] === undefined ? null : r[2], withDefaults(r[3]) || null];
        }
        const params = r.params !== undefined ? r.params : r;
        return [String(r.method || 'GET').toUpperCase(), text(r.url), r.body === undefined ? null : r.body, withDefaults(params) || null];
      });
      const responses = fus.batch(normalized);
      const out = [];
      for (let i = 0; i < responses.length; i++) {
        out.push(responses[i]);
      }
      if (!Array.isArray(requests)) {
        const keyed = {};
        Object.keys(requests).forEach((k, i) => { keyed[k] = out[i]; });
        return keyed;
      }
      return out;
    },
    cookieJar: () => fus.cookieJar(),
    setDefaults(options) {
      if (options !== undefined && options !== null && typeof options !== 'object') {
        throw new TypeError('http.setDefaults() takes an object such as { timeout: \'10s\', headers: { ... } }');
      }
      defaults = options ? Object.assign({}, options) : null;
    },
    addHook(type, fn) {
      if (!(type in hooks)) {
        throw new TypeError(`http.addHook: unknown hook '${type}'; use 'beforeRequest' or 'afterResponse'`);
      }
      if (typeof fn !== 'function') {
        throw new TypeError(`http.addHook('${type}', fn) needs a function`);
      }
      hooks[type].push(fn);
      hooked = true;
    },
    clearHooks() {
      hooks.beforeRequest.length = 0;
      hooks.afterResponse.length = 0;
      hooked = false;
    },
    url(base, params) {
      const query = encodePairs(params, false);
      if (query === '') {
        return String(base);
      }
      const b = String(base);
      return b + (b.includes('?') ? (b.endsWith('?') || b.endsWith('&') ? '' : '&') : '?') + query;
    },
    formEncode: (obj) => encodePairs(obj, true),
    basicAuth: (user, password) => fus.basicAuth(String(user), String(password === undefined ? '' : password)),
    bearerToken: (token) => 'Bearer ' + String(token),
    file: (data, filename, contentType) => fus.fileMarker(data, filename === undefined ? null : String(filename),
      contentType === undefined ? null : String(contentType)),
  };

  // multipart/form-data bodies: fields and http.file() parts; pass fd.body() as a request body.
  class FormData {
    constructor() {
      Object.defineProperty(this, 'form', { value: fus.formData(), enumerable: false });
    }
    append(name, value) {
      this.form.append(String(name), value === undefined || value === null ? '' : String(value));
    }
    body() {
      return this.form;
    }
    contentType() {
      return this.form.contentType();
    }
  }

  // key=value&... of an object's own properties (arrays repeat the key); form encoding writes spaces as '+'.
  function encodePairs(obj, form) {
    if (obj === null || obj === undefined) {
      return '';
    }
    const enc = form ? (v) => encodeURIComponent(v).replace(/%20/g, '+') : encodeURIComponent;
    const out = [];
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined) {
        continue;
      }
      for (const v of Array.isArray(value) ? value : [value]) {
        out.push(enc(key) + '=' + enc(v === null ? '' : String(v)));
      }
    }
    return out.join('&');
  }

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

  const DEBUG = 0, INFO = 1, WARN = 2, ERROR = 3;
  const console = {
    log: (...a) => fus.log(INFO, format(a)),
    info: (...a) => fus.log(INFO, format(a)),
    warn: (...a) => fus.log(WARN, format(a)),
    error: (...a) => fus.log(ERROR, format(a)),
    debug: (...a) => fus.log(DEBUG, format(a)),
  };

  Object.defineProperty(globalThis, 'http', { value: Object.freeze(http), writable: false, enumerable: false });
  globalThis.FormData = FormData;
  globalThis.check = check;
  globalThis.assertion = check;
  globalThis.sleep = (seconds) => fus.sleep(Number(seconds));
  globalThis.print = (...a) => fus.print(format(a));
  globalThis.console = console;
  globalThis.__ENV = fus.env();
  globalThis.__VU = vu;
  globalThis.__WORKER_ID = vu - 1;
  globalThis.__ITERATION = 0;
  globalThis.__ITER = 0;

  // The VU loop calls this once per iteration: one call into JS sets the iteration globals
  // and runs the scenario's function.
  return function iterate(fn, iteration, data) {
    globalThis.__ITERATION = iteration;
    globalThis.__ITER = iteration;
    fn(data);
  };
})
