// crypto (hashes, HMAC, random bytes), encoding (base64) and utils (random test data).
(function (lib, core) {
  'use strict';

  const { bytesToBuffer } = core;

  // ---- crypto, encoding, utils --------------------------------------------------------------
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

  const encoding = Object.freeze({
    b64encode: (data, variant) => lib.b64encode(data, variant || 'std'),
    b64decode: (data, variant) => lib.b64decode(String(data), variant || 'std'),
  });

  const utils = Object.freeze({
    uuid: () => lib.uuid(),
    randomInt: (min, max) => lib.randomInt(Math.ceil(Number(min)), Math.floor(Number(max))),
    randomString: (length, charset) => lib.randomString(Number(length), charset === undefined ? null : String(charset)),
    randomItem: (array) => array[Math.floor(Math.random() * array.length)],
    randomEmail: () => lib.randomEmail(),
    randomPhone: () => lib.randomPhone(),
    randomName: () => JSON.parse(lib.randomName()),
    randomDate: (startYear, endYear) => lib.randomDate(Number(startYear), Number(endYear)),
    sequentialId: () => lib.sequentialId(),
  });

  return { crypto, encoding, utils };
})
