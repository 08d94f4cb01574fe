// k6/encoding: base64 in k6's four variants (std, rawstd, url, rawurl); decoding gives an
// ArrayBuffer unless the format is 's' (a string).
const { encoding: base64, decodeToBuffer } = globalThis.__fusillade.module('encoding');

export function b64encode(input, variant) {
  return base64.b64encode(input, variant || 'std');
}

export function b64decode(input, variant, format) {
  return format === 's' ? base64.b64decode(input, variant || 'std') : decodeToBuffer(input, variant);
}

export default { b64encode, b64decode };
