// k6/crypto: hashes and HMACs with k6's output encodings (hex, base64, base64url, base64rawurl, binary).
const { crypto: hashes, toBuffer: bytesToBuffer } = globalThis.__fusillade.module('crypto');

function output(digest, encoding) {
  return encoding === 'binary' ? bytesToBuffer(digest) : digest;
}

function hashWith(algorithm) {
  return (input, encoding) => output(hashes[algorithm](input, encoding === 'binary' ? 'binary' : encoding || 'hex'), encoding);
}

export const md5 = hashWith('md5');
export const sha1 = hashWith('sha1');
export const sha256 = hashWith('sha256');
export const sha384 = hashWith('sha384');
export const sha512 = hashWith('sha512');

export function hmac(algorithm, secret, data, encoding) {
  return output(hashes.hmac(algorithm, secret, data, encoding === 'binary' ? 'binary' : encoding || 'hex'), encoding);
}

export function randomBytes(size) {
  return hashes.randomBytes(size);
}

function hasher(algorithm, secret) {
  const parts = [];
  return {
    update(data) {
      parts.push(data);
      return this;
    },
    digest(encoding) {
      const joined = parts.every((p) => typeof p === 'string') ? parts.join('') : concat(parts);
      return secret === undefined
        ? output(hashes[algorithm](joined, encoding === 'binary' ? 'binary' : encoding || 'hex'), encoding)
        : hmac(algorithm, secret, joined, encoding);
    },
  };
}

function concat(parts) {
  const arrays = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : new Uint8Array(p.buffer || p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out.buffer;
}

export function createHash(algorithm) {
  if (!['md5', 'sha1', 'sha256', 'sha384', 'sha512'].includes(algorithm)) {
    throw new Error(`unsupported hash algorithm '${algorithm}'`);
  }
  return hasher(algorithm);
}

export function createHMAC(algorithm, secret) {
  return hasher(algorithm, secret);
}

export default { md5, sha1, sha256, sha384, sha512, hmac, randomBytes, createHash, createHMAC };
