// The encoding module: base64 in k6's four variants (std, rawstd, url, rawurl), the encoding
// global and what k6/encoding builds on. Installed in a VU on first use; `lib` is the VU's
// EncodingHost.
(function (lib, core) {
  'use strict';

  const encoding = Object.freeze({
    b64encode: (data, variant) => lib.b64encode(data, variant || 'std'),
    b64decode: (data, variant) => lib.b64decode(String(data), variant || 'std'),
  });

  // Decoded bytes as an ArrayBuffer, for k6/encoding.
  const decodeToBuffer = (data, variant) => core.bytesToBuffer(lib.b64decodeBytes(String(data), variant || 'std'));

  return { encoding, decodeToBuffer };
})
