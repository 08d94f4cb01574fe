// The console module: console.log/info/warn/error/debug, console.table and print(). Installed
// in every VU as it starts; `fus` is the VU's ConsoleHost.
(function (fus, core) {
  'use strict';

  const { format } = core;

  function cell(value) {
    if (value === undefined) {
      return '';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function table(data) {
    const rows = Array.isArray(data) ? data : (data !== null && typeof data === 'object' ? Object.values(data) : [data]);
    const columns = [];
    for (const row of rows) {
      if (row !== null && typeof row === 'object') {
        for (const key of Object.keys(row)) {
          if (!columns.includes(key)) {
            columns.push(key);
          }
        }
      }
    }
    const header = ['(index)', ...(columns.length ? columns : ['Values'])];
    const body = rows.map((row, i) => [String(i), ...(columns.length
      ? columns.map((c) => (row !== null && typeof row === 'object' ? cell(row[c]) : ''))
      : [cell(row)])]);
    const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
    const line = (cells) => '│ ' + cells.map((s, c) => s.padEnd(widths[c])).join(' │ ') + ' │';
    const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
    const text = [rule('┌', '┬', '┐'), line(header), rule('├', '┼', '┤'), ...body.map(line), rule('└', '┴', '┘')];
    fus.log(INFO, '\n' + text.join('\n'));
  }

  const DEBUG = 0, INFO = 1, WARN = 2, ERROR = 3;
  const console = {
    log: (...a) => fus.log(INFO, format(a)),
    info: (...a) => fus.log(INFO, format(a)),
    warn: (...a) => fus.log(WARN, format(a)),
    error: (...a) => fus.log(ERROR, format(a)),
    debug: (...a) => fus.log(DEBUG, format(a)),
    table,
  };

  const print = (...a) => fus.print(format(a));

  return { console, print };
})
