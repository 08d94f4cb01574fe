// k6/http: the http global, as k6 scripts import it.
const { http } = globalThis.__fusillade.module('http');
export const get = http.get;
export const head = http.head;
export const options = http.options;
export const del = http.del;
export const post = http.post;
export const put = http.put;
export const patch = http.patch;
export const request = http.request;
export default http;
