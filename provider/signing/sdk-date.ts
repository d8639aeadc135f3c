/** The last second formatted: requests signed in the same second share the text. */
let lastSecond = NaN;
let lastText = '';

/** `X-Sdk-Date` format: `YYYYMMDDTHHMMSSZ`, always UTC. */
export function formatSdkDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastText = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    lastSecond = second;
  }
  return lastText;
}

/** Parses an `X-Sdk-Date` value; `undefined` when it is not in the gateway's format. */
export function parseSdkDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return Number.isNaN(time) ? undefined : new Date(time);
}
