import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';

// The README shows each command's --help as `$ hwquota ... --help` followed by its output; they must not drift apart.

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const helpBlocks = [...readme.matchAll(/```\n\$ hwquota((?: \w+)*) --help\n([\s\S]*?)```/g)].map(([, command, shown]) => ({
  argv: [...command!.trim().split(' ').filter(Boolean), '--help'],
  shown: shown!,
}));

it('shows the help of hwquota and of each of its commands', () => {
  expect(helpBlocks.map(({ argv }) => argv.join(' '))).toEqual(['--help', 'get --help', 'check --help', 'scan --help', 'exporter --help', 'emulator --help']);
});

it.each(helpBlocks.map(({ argv, shown }) => [argv.join(' '), argv, shown] as const))('hwquota %s prints what the README shows', async (_name, argv, shown) => {
  let stdout = '';
  const code = await main([...argv], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, env: {}, color: false });
  expect(code).toBe(0);
  expect(stdout).toBe(shown);
});
