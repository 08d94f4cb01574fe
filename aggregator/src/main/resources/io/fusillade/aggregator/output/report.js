// Draws the report's charts as inline SVG from the JSON in #report-data. No libraries, no network.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var W = 560, H = 240, L = 56, R = 12, T = 10, B = 28;

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function text(parent, x, y, s, anchor) {
    var t = el('text', { x: x, y: y, 'text-anchor': anchor || 'end' }, parent);
    t.textContent = s;
    return t;
  }
  function niceStep(range, ticks) {
    var raw = range / ticks, mag = Math.pow(10, Math.floor(Math.log10(raw))), n = raw / mag;
    return (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * mag;
  }
  function fmt(v, unit) {
    if (v === null || !isFinite(v)) { return '-'; }
    if (unit === 'ms') {
      if (v >= 1000) { return (v / 1000).toFixed(v >= 10000 ? 0 : 2) + 's'; }
      if (v < 1) { return (v * 1000).toFixed(0) + 'µs'; }
      return (v < 10 ? v.toFixed(2) : v.toFixed(0)) + 'ms';
    }
    if (unit === '%') { return (v * 100).toFixed(v < 0.1 ? 2 : 1) + '%'; }
    if (Math.abs(v) >= 1e6) { return (v / 1e6).toFixed(1) + 'M'; }
    if (Math.abs(v) >= 1e4) { return (v / 1e3).toFixed(1) + 'k'; }
    return Math.round(v * 100) / 100 + '';
  }
  function clockLabel(s) {
    var m = Math.floor(s / 60), r = Math.round(s % 60);
    return m > 0 ? m + 'm' + (r < 10 ? '0' : '') + r + 's' : r + 's';
  }

  function frame(svg, xMax, yMax, unit) {
    var yStep = niceStep(yMax || 1, 4), top = Math.max(yStep, Math.ceil((yMax || 1) / yStep) * yStep);
    for (var v = 0; v <= top + yStep / 2; v += yStep) {
      var y = T + (H - T - B) * (1 - v / top);
      el('line', { x1: L, x2: W - R, y1: y, y2: y, 'class': 'grid' }, svg);
      text(svg, L - 6, y + 4, fmt(v, unit));
    }
    var xStep = niceStep(Math.max(1, xMax), 6);
    for (var s = 0; s <= xMax; s += xStep) {
      var x = L + (W - L - R) * (xMax ? s / xMax : 0);
      text(svg, x, H - 8, clockLabel(s), 'middle');
    }
    el('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, 'class': 'axis' }, svg);
    return top;
  }

  function lineChart(id, series, unit) {
    var box = document.getElementById(id);
    if (!box) { return 0; }
    var svg = box.querySelector('svg'), pts = data.timeline, n = pts.length;
    var xMax = Math.max(1, n - 1), yMax = 0;
    series.forEach(function (s) { pts.forEach(function (p) { var v = s.value(p); if (v !== null && isFinite(v)) { yMax = Math.max(yMax, v); } }); });
    var top = frame(svg, xMax, yMax, unit);
    var drawn = 0;
    series.forEach(function (s) {
      var d = '', pen = 'M';
      pts.forEach(function (p, i) {
        var v = s.value(p);
        if (v === null || !isFinite(v)) { pen = 'M'; return; }
        d += pen + (L + (W - L - R) * i / xMax).toFixed(1) + ',' + (T + (H - T - B) * (1 - v / top)).toFixed(1);
        pen = 'L';
      });
      if (d) {
        el('path', { d: d, 'class': 'series', stroke: s.color, 'data-name': s.name }, svg);
        drawn++;
      }
    });
    var legend = box.querySelector('.legend');
    series.forEach(function (s) { var span = document.createElement('span'); span.innerHTML = '<i style="background:' + s.color + '"></i>'; span.appendChild(document.createTextNode(s.name)); legend.appendChild(span); });
    var rule = el('line', { y1: T, y2: H - B, 'class': 'rule', visibility: 'hidden' }, svg);
    var readout = box.querySelector('.readout');
    svg.addEventListener('mousemove', function (ev) {
      var rect = svg.getBoundingClientRect(), x = (ev.clientX - rect.left) * W / rect.width;
      var i = Math.round((x - L) / (W - L - R) * xMax);
      if (i < 0 || i >= n) { rule.setAttribute('visibility', 'hidden'); return; }
      var gx = L + (W - L - R) * i / xMax;
      rule.setAttribute('x1', gx); rule.setAttribute('x2', gx); rule.setAttribute('visibility', 'visible');
      readout.textContent = clockLabel(pts[i].second) + ': ' + series.map(function (s) { return s.name + ' ' + fmt(s.value(pts[i]), unit); }).join(', ');
    });
    return drawn > 0 ? 1 : 0;
  }

  function barChart(id, bins) {
    var box = document.getElementById(id);
    if (!box || bins.length === 0) { return 0; }
    var svg = box.querySelector('svg'), yMax = 0;
    bins.forEach(function (b) { yMax = Math.max(yMax, b.count); });
    var yStep = niceStep(yMax || 1, 4), top = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
    for (var v = 0; v <= top + yStep / 2; v += yStep) {
      var y = T + (H - T - B) * (1 - v / top);
      el('line', { x1: L, x2: W - R, y1: y, y2: y, 'class': 'grid' }, svg);
      text(svg, L - 6, y + 4, fmt(v));
    }
    var bw = (W - L - R) / bins.length;
    bins.forEach(function (b, i) {
      var h = (H - T - B) * b.count / top;
      var rect = el('rect', { x: (L + i * bw + 0.5).toFixed(1), y: (H - B - h).toFixed(1), width: Math.max(1, bw - 1).toFixed(1), height: h.toFixed(1), 'class': 'bar' }, svg);
      el('title', {}, rect).textContent = fmt(b.from, 'ms') + ' – ' + fmt(b.to, 'ms') + ': ' + b.count + ' requests';
      if (i % Math.ceil(bins.length / 6) === 0) { text(svg, L + i * bw, H - 8, fmt(b.from, 'ms'), 'middle'); }
    });
    el('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, 'class': 'axis' }, svg);
    return 1;
  }

  var charts = 0;
  charts += lineChart('chart-rps', [
    { name: 'requests/s', color: '#0969da', value: function (p) { return p.requests; } },
    { name: 'failed/s', color: '#cf222e', value: function (p) { return p.failed; } },
    { name: 'iterations/s', color: '#8250df', value: function (p) { return p.iterations; } }], '');
  charts += lineChart('chart-latency', [
    { name: 'p50', color: '#1a7f37', value: function (p) { return p.p50; } },
    { name: 'p90', color: '#0969da', value: function (p) { return p.p90; } },
    { name: 'p95', color: '#bf8700', value: function (p) { return p.p95; } },
    { name: 'p99', color: '#cf222e', value: function (p) { return p.p99; } }], 'ms');
  charts += lineChart('chart-errors', [
    { name: 'error rate', color: '#cf222e', value: function (p) { return p.requests ? p.failed / p.requests : null; } }], '%');
  charts += lineChart('chart-vus', [
    { name: 'VUs', color: '#8250df', value: function (p) { return p.vus; } },
    { name: 'failed checks/s', color: '#bf8700', value: function (p) { return p.checksFailed; } }], '');
  charts += barChart('chart-distribution', data.distribution);
  document.documentElement.setAttribute('data-charts-rendered', String(charts));
})();
