// The http module: the http global (k6/http) and FormData. Installed in every VU as it
// starts; `fus` is the VU's HttpHost, private to these closures.
(function (fus, core) {
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
  // The request as the beforeRequest hooks leave it: [method, url, body, params].
  function beforeHooks(method, url, body, p) {
    let req = { method, url: text(url), body: body === undefined ? null : body, headers: Object.assign({}, p && p.headers) };
    for (const hook of hooks.beforeRequest) {
      const changed = hook(req);
      if (changed !== undefined && changed !== null && typeof changed === 'object') {
        req = changed;
      }
    }
    return [String(req.method).toUpperCase(), text(req.url), req.body === undefined ? null : req.body,
      Object.assign({}, p, { headers: req.headers })];
  }
  function afterHooks(res) {
    for (const hook of hooks.afterResponse) {
      hook(res);
    }
  }
  function sendWithExtras(method, url, body, params) {
    const r = beforeHooks(method, url, body, withDefaults(params));
    const res = fus.request(r[0], r[1], r[2], r[3]);
    afterHooks(res);
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
          return hooked ? beforeHooks('GET', r, null, withDefaults(undefined)) : ['GET', r, null, withDefaults(undefined) || null];
        }
        if (Array.isArray(r)) {
          return hooked ? beforeHooks(String(r[0]).toUpperCase(), r[1], r[2], withDefaults(r[3]))
            : [String(r[0]).toUpperCase(), text(r[1]), r[2] === undefined ? null : r[2], withDefaults(r[3]) || null];
        }
        const params = r.params !== undefined ? r.params : r;
        return hooked ? beforeHooks(String(r.method || 'GET').toUpperCase(), r.url, r.body, withDefaults(params))
          : [String(r.method || 'GET').toUpperCase(), text(r.url), r.body === undefined ? null : r.body, withDefaults(params) || null];
      });
      const responses = fus.batch(normalized);
      const out = [];
      for (let i = 0; i < responses.length; i++) {
        out.push(responses[i]);
        if (hooked) {
          afterHooks(responses[i]);
        }
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

  // Not writable, so a script cannot replace the client its k6/http imports use.
  Object.defineProperty(globalThis, 'http', { value: Object.freeze(http), writable: false, enumerable: false });
  return { http: globalThis.http, FormData };
})
