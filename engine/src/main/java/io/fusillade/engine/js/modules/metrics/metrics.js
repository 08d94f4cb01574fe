// The metrics module: custom metrics (the metrics.* functions, the classes behind k6/metrics)
// and stats.get(). Installed in a VU on first use; `lib` is the VU's MetricsHost.
(function (lib, core) {
  'use strict';

  // ---- custom metrics -----------------------------------------------------------------------
  const COUNTER = 1, GAUGE = 2, RATE = 3, TREND = 4;
  const metricIds = new Map();
  function metricId(type, name) {
    const key = type + ':' + name;
    let id = metricIds.get(key);
    if (id === undefined) {
      id = lib.defineMetric(String(name), type);
      metricIds.set(key, id);
    }
    return id;
  }
  function addMetric(type, id, value, tags) {
    const number = typeof value === 'boolean' ? (value ? 1 : 0) : Number(value);
    if (tags === undefined || tags === null) {
      lib.addMetric(id, type, number);
    } else {
      lib.addTaggedMetric(id, type, number, tags);
    }
  }
  const metrics = Object.freeze({
    histogramAdd: (name, value, tags) => addMetric(TREND, metricId(TREND, name), value, tags),
    counterAdd: (name, value, tags) => addMetric(COUNTER, metricId(COUNTER, name), value === undefined ? 1 : value, tags),
    gaugeSet: (name, value, tags) => addMetric(GAUGE, metricId(GAUGE, name), value, tags),
    rateAdd: (name, success, tags) => addMetric(RATE, metricId(RATE, name), success ? 1 : 0, tags),
  });

  // One class per k6 metric type, for k6/metrics.
  function metricClass(type) {
    return class {
      constructor(name, isTime) {
        if (typeof name !== 'string' || name.length === 0) {
          throw new TypeError('a metric needs a name');
        }
        this.name = name;
        this.isTime = !!isTime;
        Object.defineProperty(this, '_id', { value: metricId(type, name) });
      }

      add(value, tags) {
        if (type === RATE) {
          value = typeof value === 'number' ? value !== 0 : !!value;
        }
        addMetric(type, this._id, value, tags);
        return true;
      }
    };
  }
  const metricClasses = Object.freeze({
    Counter: metricClass(COUNTER), Gauge: metricClass(GAUGE), Rate: metricClass(RATE), Trend: metricClass(TREND),
  });

  // stats.get(name): live p95/p99/avg/count/min/max (and med, p90) of requests named `name`
  // or of a trend metric; null until there is data.
  const stats = Object.freeze({
    get: (name) => {
      const json = lib.stats(String(name));
      return json === null ? null : JSON.parse(json);
    },
  });

  return { metrics, metricClasses, stats };
})
