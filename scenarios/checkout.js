// A checkout flow: create an item, then read it back. Runs against the demo API with
// `./fusillade demo --script scenarios/checkout.js`, or against your own service with
// `BASE_URL=http://host:port ./fusillade run scenarios/checkout.js`.
import { pick } from './lib/data.js';

export const options = {
  workers: 20,
  duration: '30s',
  thresholds: {
    http_req_duration: ['p95 < 500', 'p(99) < 1000'],
    http_req_failed: ['rate < 0.01'],
  },
};

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export default function () {
  const res = http.post(`${BASE}/api/items`, JSON.stringify({ name: pick(), quantity: 1 }), {
    headers: { 'Content-Type': 'application/json' },
    name: 'AddToCart',
    tags: { flow: 'checkout' },
    timeout: '10s',
  });
  check(res, {
    'item created': (r) => r.status === 201,
    'fast enough': (r) => r.timings.duration < 500 || `took ${r.timings.duration}ms`,
  });
  const id = res.json().id;
  const item = http.get(`${BASE}/api/items/${1 + (id % 3)}`, { name: 'GetItem', tags: { flow: 'checkout' } });
  check(item, { 'item found': (r) => r.status === 200 });
  sleep(1);
}
