import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../provider/cli/cli-io';
import { parseEndpointFlags, parseOutputFlag } from '../../provider/cli/client-flags';
import { readRequirementsFile } from '../../provider/cli/requirements-file';
import { formatAmount, formatTable } from '../../provider/report/table';
import { SERVICE_NAMES } from '../../provider/endpoints/service-names';

const dir = mkdtempSync(join(tmpdir(), 'hwquota-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('requirements files', () => {
  const requirement = { service: 'kms', type: 'CMK', need: 3 };
  it('read a JSON list, a JSON object with requirements, and YAML', () => {
    expect(readRequirementsFile(file('list.json', JSON.stringify([requirement])))).toEqual([requirement]);
    expect(readRequirementsFile(file('object.json', JSON.stringify({ requirements: [requirement] })))).toEqual([requirement]);
    expect(readRequirementsFile(file('r.yaml', 'requirements:\n  - service: kms\n    type: CMK\n    need: 3\n'))).toEqual([requirement]);
  });

  it('say what is wrong with a bad file, naming it', () => {
    expect(() => readRequirementsFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read it \(ENOENT\)/);
    expect(() => readRequirementsFile(file('bad.json', '{"requirements": ['))).toThrow(/bad\.json: is not valid JSON/);
    expect(() => readRequirementsFile(file('bad.yaml', 'a: [1, 2'))).toThrow(/bad\.yaml: is not valid YAML or JSON/);
    expect(() => readRequirementsFile(file('shape.json', '{"needs": []}'))).toThrow(/shape\.json: must hold a list of requirements/);
  });
});

describe('flags', () => {
  it('map --endpoint SERVICE=URL, with account and project meaning IAM', () => {
    expect(parseEndpointFlags(['kms=http://127.0.0.1:1/kms/cn-north-4', 'account=http://127.0.0.1:1/iam'])).toEqual({ kms: 'http://127.0.0.1:1/kms/cn-north-4', iam: 'http://127.0.0.1:1/iam' });
    expect(() => parseEndpointFlags(['rds=http://x'])).toThrow(`--endpoint takes SERVICE=URL with SERVICE one of ${SERVICE_NAMES.join(', ')}; got "rds=http://x"`);
    expect(() => parseEndpointFlags(['http://x'])).toThrow('--endpoint takes SERVICE=URL');
  });

  it('accept --output table or json only', () => {
    expect(parseOutputFlag(undefined)).toBe('table');
    expect(parseOutputFlag('json')).toBe('json');
    expect(() => parseOutputFlag('yaml')).toThrow('--output takes table or json; got "yaml"');
  });
});

describe('colour', () => {
  it('is used only on a terminal without NO_COLOR', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(false, {})).toBe(false);
  });
});

describe('tables', () => {
  it('align columns and colour highlighted rows only when asked', () => {
    const rows = [['CMK', '20', '20'], ['grant_per_CMK', '100', '0']];
    expect(formatTable(['TYPE', 'QUOTA', 'USED'], rows, { color: false, highlight: () => true })).toBe(
      'TYPE           QUOTA  USED\nCMK            20     20\ngrant_per_CMK  100    0\n',
    );
    expect(formatTable(['TYPE'], [['CMK']], { color: true, highlight: () => true })).toContain('\u001b[31mCMK\u001b[0m');
  });

  it('spell out unlimited and unknown, and keep fractions short', () => {
    expect(formatAmount(null, 'unlimited')).toBe('unlimited');
    expect(formatAmount(null, 'unknown')).toBe('unknown');
    expect(formatAmount(59.456, '-')).toBe('59.46');
  });
});
