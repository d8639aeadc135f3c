import { invalidArgument } from './errors';

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['', '0', 'false', 'no', 'off'];

/**
 * An on/off environment variable (`HW_INSECURE`, `HWQUOTA_DEBUG`), one rule for all: `1`, `true`, `yes`, `on` (any
 * case) are on; unset, empty, `0`, `false`, `no`, `off` are off; anything else is an error naming the variable.
 */
export function envFlag(name: string, value: string | undefined): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (ON.includes(text)) return true;
  if (OFF.includes(text)) return false;
  throw invalidArgument(name, `must be one of ${ON.join(', ')} (on) or ${OFF.filter(Boolean).join(', ')} (off); got ${JSON.stringify(value!.slice(0, 40))}`);
}
