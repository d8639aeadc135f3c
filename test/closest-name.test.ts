import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean, editDistance } from '../provider/closest-name';

const REQUIREMENT_KEYS = ['service', 'type', 'need', 'region', 'projectId', 'projectName', 'domainId', 'userId'];

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps, ignoring case', () => {
    expect(editDistance('neeed', 'need')).toBe(1);
    expect(editDistance('typ', 'type')).toBe(1);
    expect(editDistance('servise', 'service')).toBe(1);
    expect(editDistance('regoin', 'region')).toBe(1);
    expect(editDistance('projectname', 'projectName')).toBe(0);
    expect(editDistance('', 'kms')).toBe(3);
    expect(editDistance('kms', '')).toBe(3);
    expect(editDistance('kms', 'ecs')).toBe(2);
  });
});

describe('closestNames', () => {
  it('suggests the keys a typo is close to, closest first', () => {
    expect(closestNames('neeed', REQUIREMENT_KEYS)).toEqual(['need']);
    expect(closestNames('regoin', REQUIREMENT_KEYS)).toEqual(['region']);
    expect(closestNames('project_id', REQUIREMENT_KEYS)).toEqual(['projectId']);
    expect(closestNames('user', REQUIREMENT_KEYS)).toEqual(['userId']);
    expect(closestNames('cn-north-9', ['ap-southeast-1', 'cn-north-4', 'cn-north-1', 'cn-east-3'])).toEqual(['cn-north-4', 'cn-north-1']);
    expect(closestNames('projectIds', ['projectName', 'projectId'])).toEqual(['projectId']);
  });

  it('suggests nothing far off, and nothing for an empty or huge input', () => {
    expect(closestNames('zzzzzzzz', REQUIREMENT_KEYS)).toEqual([]);
    expect(closestNames('x', ['kms', 'ecs'])).toEqual([]);
    expect(closestNames('', REQUIREMENT_KEYS)).toEqual([]);
    const started = performance.now();
    expect(closestNames('n'.repeat(1_000_000), REQUIREMENT_KEYS)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('returns at most max names, an exact match first, each candidate once', () => {
    expect(closestNames('ab', ['ab', 'ac', 'ad', 'ae', 'ab'], 2)).toEqual(['ab', 'ac']);
    expect(closestNames('ab', ['ac', 'ad'], 0)).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('words one, two or no suggestions', () => {
    expect(didYouMean('neeed', REQUIREMENT_KEYS)).toBe(' (did you mean "need"?)');
    expect(didYouMean('ecs', ['evs', 'elb', 'ecs2'])).toBe(' (did you mean "evs" or "ecs2"?)');
    expect(didYouMean('zzzzzzzz', REQUIREMENT_KEYS)).toBe('');
  });
});
