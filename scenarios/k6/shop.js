// A k6 script: browse the catalogue, then add to the cart, each in a group, with thresholds
// on tag sub-metrics. 1 VU, 10 iterations: 30 requests, 40 checks.
import http from 'k6/http';
import { check, group, sleep } from 'k6';

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export const options = {
  vus: 1,
  iterations: 10,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:item}': ['p(95)<2000'],
    'http_req_duration{group:::browse}': ['max<2000'],
    'http_reqs{status:201}': ['count==10'],
    'http_reqs{group:::cart}': ['count==10'],
    checks: ['rate==1'],
  },
};

export default function () {
  group('browse', function () {
    const home = http.get(`${BASE}/`);
    check(home, { 'home is 200': (r) => r.status === 200 });
    const item = http.get(`${BASE}/api/items/1`, { tags: { name: 'item' } });
    check(item, {
      'item is 200': (r) => r.status === 200,
      'item has a name': (r) => typeof r.json().name === 'string',
    });
  });
  group('cart', function () {
    const res = http.post(`${BASE}/api/items`, JSON.stringify({ name: 'widget', quantity: 1 }), {
      headers: { 'Content-Type': 'application/json' },
    });
    check(res, { 'added': (r) => r.status === 201 });
  });
  sleep(0.01);
}
