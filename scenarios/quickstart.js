// The demo load test: `./fusillade demo` serves a small API on 127.0.0.1 and runs this
// script against it. Run it against your own service with BASE_URL=http://host:port.
import { itemId, newItem } from './lib/catalog.js';

export const options = {
  workers: 20,
  duration: '15s',
  thresholds: {
    http_req_duration: ['p95 < 250', 'p(99) < 500'],
    http_req_failed: ['rate < 0.01'],
    checks: ['rate > 0.99'],
  },
};

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export default function () {
  const list = http.get(`${BASE}/api/items`, { name: '/api/items' });
  check(list, {
    'list is 200': (r) => r.status === 200,
    'list has items': (r) => r.json().length > 0 || 'the item list is empty',
  });

  const item = http.get(`${BASE}/api/items/${itemId(__ITERATION)}`, { name: '/api/items/:id' });
  check(item, { 'item found': (r) => r.status === 200 });

  const created = http.post(`${BASE}/api/items`, JSON.stringify(newItem(__WORKER_ID, __ITERATION)), {
    headers: { 'Content-Type': 'application/json' },
    name: '/api/items',
  });
  check(created, { 'item created': (r) => r.status === 201 });

  // A dependency with a fixed 50 ms latency.
  const slow = http.get(`${BASE}/slow`, { name: '/slow' });
  check(slow, { 'slow answers within 250ms': (r) => r.timings.duration < 250 });

  sleep(0.05);
}
