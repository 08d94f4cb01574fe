// The crypto module: the crypto global (hashes, HMAC, random bytes and UUIDs), and what
// k6/crypto builds on. Installed in a VU on first use; `lib` is the VU's CryptoHost.
(function (lib, core) {
  'use strict';

  const { bytesToBuffer } = core;

  const crypto = Object.freeze({
    md5: (data, enc) => lib.hash('md5', data, enc || 'hex'),
    sha1: (data, enc) => lib.hash('sha1', data, enc || 'hex'),
    sha256: (data, enc) => lib.hash('sha256', data, enc || 'hex'),
    sha384: (data, enc) => lib.hash('sha384', data, enc || 'hex'),
    sha512: (data, enc) => lib.hash('sha512', data, enc || 'hex'),
    hmac: (algorithm, key, data, enc) => lib.hmac(String(algorithm), key, data, enc || 'hex'),
    randomUUID: () => lib.uuid(),
    randomBytes: (n) => bytesToBuffer(lib.randomBytes(Number(n))),
    getRandomValues(array) {
      const bytes = lib.randomBytes(array.byteLength);
      const view = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) {
        view[i] = bytes.charCodeAt(i);
      }
      return array;
    },
  });

  // What k6/crypto builds on: digests as ArrayBuffers.
  return { crypto, toBuffer: bytesToBuffer };
})
