import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../closest-name';
import { UsageError } from './cli-io';

/**
 * `util.parseArgs`, with its errors turned into usage errors (exit 2) in one line of our own words: an unknown option
 * is named with the closest known ones, an option missing its value says how to give one that starts with a dash.
 */
export function parseFlags<T extends ParseArgsConfig['options']>(args: readonly string[], options: T): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(flagProblem(error as NodeJS.ErrnoException, Object.keys(options ?? {})));
  }
}

function flagProblem(error: NodeJS.ErrnoException, names: readonly string[]): string {
  // parseArgs names the option in quotes: `Unknown option '--regoin'`, `Option '--timeout <value>' argument missing`.
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1];
  const known = names.map((name) => `--${name}`);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    return `unknown option ${flag}${didYouMean(flag, known)}; the options are ${known.join(', ')}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    if (/does not take an argument/.test(error.message)) return `${flag} takes no value`;
    return `${flag} needs a value (for a value that starts with a dash, write ${flag}=VALUE, e.g. ${flag}=-1)`;
  }
  return error.message.replace(/\s*\n\s*/g, ' ');
}
