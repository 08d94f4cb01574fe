// k6/data: SharedArray, built once and read by every VU without a copy each.
export const SharedArray = globalThis.__fusillade.module('data').SharedArray;
export default { SharedArray };
