import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from '../../provider/cli/json-syntax-error';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it('finds no error in valid JSON', () => {
    for (const text of ['1', ' -0.5e+3 ', '"a\\u00e9\\n"', 'true', '[]', '{}', '[1, [2, {"a": null}], {"b": [false]}]', '{"a": {"b": {}}, "c": ""}']) {
      expect(findJsonSyntaxError(text), text).toBeUndefined();
    }
  });

  it.each([
    ['', 0, 'Unexpected end of JSON input'],
    ['[1 2]', 3, "Expected ',' or ']' after array element"],
    ['{"a" 1}', 5, "Expected ':' after property name"],
    ['{"a": 1,}', 8, "Unexpected '}' after ',': JSON allows no trailing comma"],
    ['[1,]', 3, "Unexpected ']' after ',': JSON allows no trailing comma"],
    ['{a: 1}', 1, "Expected a property name in double quotes or '}'"],
    ['{"a": 1, 2}', 9, 'Expected a property name in double quotes'],
    ['[NaN]', 1, 'Unexpected word "NaN": a value is a "string", a number, true, false, null, {...} or [...]'],
    ["['a']", 1, 'Unexpected "\'": JSON strings take double quotes'],
    ['[1] // note', 4, 'Unexpected non-whitespace character after JSON'],
    ['// note\n[1]', 0, 'Unexpected "/": JSON allows no comments (YAML does: a file not ending in .json is read as YAML)'],
    ['"abc', 0, 'Unterminated string'],
    ['"a\\x"', 3, 'Bad escaped character'],
    ['"\\u12g4"', 2, 'Bad Unicode escape (\\u takes four hex digits)'],
    ['[-]', 2, 'No number after minus sign'],
    ['[1.]', 3, 'Unterminated fractional number'],
    ['[1e]', 3, 'Exponent part is missing a number'],
    ['[truex]', 1, 'Unexpected word "truex": a value is a "string", a number, true, false, null, {...} or [...]'],
    ['[#]', 1, 'Unexpected character "#": a value is a "string", a number, true, false, null, {...} or [...]'],
  ])('%j: offset %i, %s', (text, offset, message) => {
    expect(parses(text)).toBe(false);
    expect(findJsonSyntaxError(text)).toEqual({ offset, message });
  });

  it('agrees with JSON.parse on what is valid, for any text and for JSON with one character changed', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', ':', '"', '[', ']', '{', '}', ' ', 'x', '1', '-', '.', 'e', '\\', '\n')).map(([json, at, char]) => {
      const index = json.length === 0 ? 0 : at % json.length;
      return json.slice(0, index) + char + json.slice(index + 1);
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('walks a list nested 100,000 deep without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(99_999)}`;
    expect(findJsonSyntaxError(deep)).toEqual({ offset: deep.length, message: 'Unexpected end of JSON input' });
  });
});

describe('lineAndColumn', () => {
  it('counts from 1, lines by \\n (a \\r before it is the end of the line)', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('a\r\n\r\nb', 5)).toEqual({ line: 3, column: 1 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
