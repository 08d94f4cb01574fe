// k6: the core functions, as k6 scripts import them.
export const check = globalThis.check;
export const group = globalThis.group;
export const sleep = globalThis.sleep;
export const fail = globalThis.fail;
export default { check, group, sleep, fail };
