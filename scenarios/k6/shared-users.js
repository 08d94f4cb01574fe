// A k6 script logging users in from a SharedArray, signing requests with k6/crypto and
// k6/encoding. 2 VUs, 4 iterations each: 8 logins.
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import { randomIntBetween } from 'https://jslib.k6.io/k6-utils/1.4.0/index.js';

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';
const users = new SharedArray('users', function () {
  return JSON.parse(open('./data/users.json'));
});

export const options = {
  vus: 2,
  iterations: 4,
  thresholds: { checks: ['rate==1'], 'http_reqs{name:login}': ['count==8'] },
};

export default function () {
  const user = users[(exec.vu.idInTest - 1 + exec.vu.iterationInScenario * 2) % users.length];
  const signature = crypto.hmac('sha256', 'secret', user.username, 'hex');
  const res = http.post(`${BASE}/api/login`, JSON.stringify({ username: user.username, password: user.password }), {
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${encoding.b64encode(`${user.username}:${user.password}`)}`,
      'X-Signature': signature,
    },
    tags: { name: 'login' },
  });
  check(res, {
    'logged in': (r) => r.status === 200,
    'signature is hex': () => /^[0-9a-f]{64}$/.test(signature),
    'scenario is known': () => exec.scenario.name === 'default',
    'random in range': () => { const n = randomIntBetween(1, 3); return n >= 1 && n <= 3; },
    'instance is live': () => exec.instance.vusActive >= 1 && exec.instance.vusInitialized >= 1
      && exec.instance.currentTestRunDuration > 0
      && (exec.vu.iterationInScenario === 0 || exec.instance.iterationsCompleted >= 1),
  });
}
