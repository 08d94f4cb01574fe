// The k6-utils helpers k6 scripts import from https://jslib.k6.io/k6-utils/<version>/index.js,
// built in so such scripts run without network access.
const random = globalThis.__fusillade.module('data').utils;

export function randomIntBetween(min, max) {
  return random.randomInt(min, max);
}

export function randomItem(array) {
  return array[Math.floor(Math.random() * array.length)];
}

export function randomString(length, charset) {
  return random.randomString(length, charset);
}

export function uuidv4() {
  return random.uuid();
}

export function findBetween(content, left, right, repeat) {
  const found = [];
  let from = 0;
  for (;;) {
    const start = content.indexOf(left, from);
    if (start < 0) {
      break;
    }
    const end = content.indexOf(right, start + left.length);
    if (end < 0) {
      break;
    }
    const value = content.substring(start + left.length, end);
    if (!repeat) {
      return value;
    }
    found.push(value);
    from = end + right.length;
  }
  return repeat ? found : null;
}

export default { randomIntBetween, randomItem, randomString, uuidv4, findBetween };
