// k6/metrics: Counter, Gauge, Rate and Trend, each journaled as a custom metric.
const { metricClasses } = globalThis.__fusillade.module('metrics');
export const Counter = metricClasses.Counter;
export const Gauge = metricClasses.Gauge;
export const Rate = metricClasses.Rate;
export const Trend = metricClasses.Trend;
export default { Counter, Gauge, Rate, Trend };
