// k6: the core functions, as k6 scripts import them.
const k6 = globalThis.__fusillade.module('k6');
export const check = k6.check;
export const group = k6.group;
export const sleep = k6.sleep;
export const fail = k6.fail;
export default { check, group, sleep, fail };
