// k6/encoding: base64 in k6's four variants (std, rawstd, url, rawurl); decoding gives an
// ArrayBuffer unless the format is 's' (a string).
const base64 = globalThis.encoding;
const { bytesToBuffer, b64decodeBytes } = globalThis.__fusillade_k6;

export function b64encode(input, variant) {
  return base64.b64encode(input, variant || 'std');
}

export function b64decode(input, variant, format) {
  return format === 's' ? base64.b64decode(input, variant || 'std') : bytesToBuffer(b64decodeBytes(String(input), variant || 'std'));
}

export default { b64encode, b64decode };
