'use strict';

/** The middle value (the mean of the two middle ones for an even count): steadier than a mean on a shared machine. */
function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds for the table and the JSON file: whole numbers from 100 up, else three significant digits. */
function round(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return null;
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3));
}

module.exports = { median, round };
