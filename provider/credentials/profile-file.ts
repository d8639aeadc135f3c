import { readInputFile } from '../read-input-file';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The keys the official SDKs read from a profile section. */
export interface ProfileSection {
  ak?: string;
  sk?: string;
  project_id?: string;
  domain_id?: string;
  security_token?: string;
}

export type ProfileFile = { path: string; basic?: ProfileSection; global?: ProfileSection } | { path: string; missing: true };

/** `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `~/.huaweicloud/credentials`, as the official SDKs use. */
export function profilePath(env: NodeJS.ProcessEnv): string {
  return env.HUAWEICLOUD_SDK_CREDENTIALS_FILE || join(homedir(), '.huaweicloud', 'credentials');
}

/** Reads the `[basic]` and `[global]` sections of the INI profile file; a missing file is not an error (see `readInputFile`). */
export function readProfileFile(path: string): ProfileFile {
  let text: string;
  try {
    text = readInputFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, missing: true };
    throw error;
  }
  const sections: Record<string, ProfileSection> = {};
  let current: Record<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      const name = header[1]!.toLowerCase();
      current = name === 'basic' || name === 'global' ? (sections[name] = {}) : undefined;
      continue;
    }
    const equals = line.indexOf('=');
    if (current && equals > 0) current[line.slice(0, equals).trim().toLowerCase()] = line.slice(equals + 1).trim();
  }
  return { path, basic: sections.basic, global: sections.global };
}
