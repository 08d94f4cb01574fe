// A k6 script recording business metrics with k6/metrics. 1 VU, 20 iterations.
import http from 'k6/http';
import { check } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';

const itemsSold = new Counter('items_sold');
const cartSize = new Gauge('cart_size');
const paymentOk = new Rate('payment_success');
const checkoutTime = new Trend('checkout_time', true);

export const options = {
  vus: 1,
  iterations: 20,
  thresholds: {
    items_sold: ['count==60'],
    'items_sold{region:eu}': ['count==30'],
    cart_size: ['value==20'],
    payment_success: ['rate>=0.75'],
    checkout_time: ['p(95)<5000', 'count==20'],
  },
};

export default function () {
  const start = Date.now();
  const res = http.post(`${BASE}/api/items`, JSON.stringify({ name: 'gadget', quantity: 3 }), {
    headers: { 'Content-Type': 'application/json' },
  });
  check(res, { 'created': (r) => r.status === 201 });
  itemsSold.add(3, { region: __ITER % 2 === 0 ? 'eu' : 'us' });
  cartSize.add(__ITER + 1);
  paymentOk.add(__ITER % 4 !== 0);
  checkoutTime.add(Date.now() - start);
}
