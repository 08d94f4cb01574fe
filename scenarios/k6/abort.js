// A k6 script that aborts its own run once it has seen enough: exit code 108, as in k6.
import http from 'k6/http';
import exec from 'k6/execution';

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export const options = { vus: 1, duration: '30s' };

export default function () {
  http.get(`${BASE}/health`);
  if (exec.vu.iterationInScenario === 4) {
    exec.test.abort('five health checks are enough');
  }
}
