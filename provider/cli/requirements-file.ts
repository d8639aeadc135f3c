import { InputFileRefused, readInputFile } from '../read-input-file';
import { HuaweiCloudError } from '../errors';
import type { QuotaRequirement } from '../quota/requirements';
import { yamlNestingDepth } from './yaml-nesting-depth';

/** A requirements file nests three levels; far deeper is a mistake or an attack, refused before the YAML parser recurses. */
const MAX_NESTING_DEPTH = 64;

/** Reads a requirements file: JSON or YAML, a list or `{requirements: [...]}`. Checking the entries is the client's job. */
export function readRequirementsFile(path: string): QuotaRequirement[] {
  let text: string;
  try {
    text = readInputFile(path);
  } catch (error) {
    if (error instanceof InputFileRefused) throw fileError(path, `cannot read it: ${error.reason} (a requirements file may hold 1 MiB)`);
    throw fileError(path, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const document = parseDocument(path, text);
  const list = Array.isArray(document) ? document : (document as { requirements?: unknown } | null)?.requirements;
  if (!Array.isArray(list)) throw fileError(path, 'must hold a list of requirements, or an object with a "requirements" list');
  return list as QuotaRequirement[];
}

function parseDocument(path: string, text: string): unknown {
  if (/\.json$/i.test(path)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw fileError(path, `is not valid JSON (${(error as Error).message})`);
    }
  }
  if (yamlNestingDepth(text) > MAX_NESTING_DEPTH) throw fileError(path, `nests deeper than ${MAX_NESTING_DEPTH} levels`);
  // YAML is a superset of JSON; the parser is loaded only when a file needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  try {
    return parse(text);
  } catch (error) {
    throw fileError(path, `is not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

function fileError(path: string, message: string): HuaweiCloudError {
  return new HuaweiCloudError({ kind: 'invalid-argument', field: path, message: `${path}: ${message}` });
}
