'use strict';
const { round } = require('./stats');

const HEADERS = ['scenario', 'this package', 'official SDK', 'ratio', 'target', 'result'];

/** A figure with its unit: `212 ms`, `58.1 MB`, `41,683 /s`. */
function formatValue(value, unit) {
  if (value === null || value === undefined) return '—';
  const rounded = round(value);
  const text = Math.abs(rounded) >= 1000 ? rounded.toLocaleString('en-US') : String(rounded);
  return unit ? `${text} ${unit}` : text;
}

function formatRows(rows) {
  return rows.map((row) => [
    row.scenario,
    formatValue(row.ours, row.unit),
    formatValue(row.official, row.unit),
    row.ratio === null || row.ratio === undefined ? '—' : `${round(row.ratio)}${row.ratioOf ? ` ${row.ratioOf}` : ''}`,
    row.target,
    row.result,
  ]);
}

/** One aligned text table, as `npm run bench` prints it. */
function formatTable(rows) {
  const lines = [HEADERS, ...formatRows(rows)];
  const widths = HEADERS.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  return lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

/** The same table in Markdown, for bench/README.md and the issue note. */
function formatMarkdown(rows) {
  const lines = [HEADERS, HEADERS.map(() => '---'), ...formatRows(rows)];
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n');
}

module.exports = { formatTable, formatMarkdown };
