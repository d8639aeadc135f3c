import { InputFileRefused, readInputFile } from '../read-input-file';
import { HuaweiCloudError } from '../errors';
import { checkArgs } from '../quota/read-args';
import { QuotaRequirementList } from '../quota/requirement-schema';
import type { QuotaRequirement } from '../quota/requirements';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error';
import { yamlNestingDepth } from './yaml-nesting-depth';

/** A requirements file nests three levels; far deeper is a mistake or an attack, refused before the YAML parser recurses. */
const MAX_NESTING_DEPTH = 64;

/**
 * Reads a requirements file: JSON or YAML, a list or `{requirements: [...]}`, a UTF-8 byte order mark allowed. Every
 * entry is checked before any request, and the error lists every problem, one line each, each naming the file and
 * the entry: `reqs.json: requirements[0].need: ...`.
 */
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
  try {
    return checkArgs(QuotaRequirementList, list, 'requirements');
  } catch (error) {
    if (!(error instanceof HuaweiCloudError)) throw error;
    const lines = error.message.split('\n').map((line) => `${path}: ${line}`);
    throw new HuaweiCloudError({ kind: 'invalid-argument', field: error.field, message: lines.join('\n') });
  }
}

function parseDocument(path: string, text: string): unknown {
  if (/\.json$/i.test(path)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      // V8's message has no position for an unexpected token, and quotes the text around it: found again, by line.
      const found = findJsonSyntaxError(text);
      if (!found) throw fileError(path, `is not valid JSON: ${(error as Error).message.replace(/,? (\.\.\.)?".*$/s, '')}`);
      const { line, column } = lineAndColumn(text, found.offset);
      throw fileError(path, `is not valid JSON: line ${line}, column ${column}: ${found.message}`);
    }
  }
  if (yamlNestingDepth(text) > MAX_NESTING_DEPTH) throw fileError(path, `nests deeper than ${MAX_NESTING_DEPTH} levels`);
  // YAML is a superset of JSON; the parser is loaded only when a file needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  try {
    return parse(text);
  } catch (error) {
    // The parser's message ends with the position and, on the lines after it, the text there: the position is kept.
    const { message, linePos } = error as Error & { linePos?: [{ line: number; col: number }] };
    const reason = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const where = linePos ? `line ${linePos[0].line}, column ${linePos[0].col}: ` : '';
    throw fileError(path, `is not valid YAML or JSON: ${where}${reason}`);
  }
}

function fileError(path: string, message: string): HuaweiCloudError {
  return new HuaweiCloudError({ kind: 'invalid-argument', field: path, message: `${path}: ${message}` });
}
