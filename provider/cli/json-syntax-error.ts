/** Where a JSON text first breaks the grammar, and what is wrong there. */
export interface JsonSyntaxError {
  /** Offset of the offending character in the text (its length when the text ends too early). */
  readonly offset: number;
  readonly message: string;
}

/** What may start a value, said after an unexpected character. */
const VALUES = 'a value is a "string", a number, true, false, null, {...} or [...]';
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

type Expecting = 'value' | 'value-or-]' | 'value-after-,' | 'key-or-}' | 'key-after-,' | 'after-value';

/**
 * The first syntax error of a JSON text, or `undefined` when it is valid. Why not V8's message: it gives no position
 * for an unexpected token, and quotes the text around it, line breaks included. A loop with a stack of the open
 * brackets, not recursion, so that a file nested thousands deep cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: string[] = [];
  let at = 0;
  // Changed by the steps below as well: `as` keeps TypeScript from narrowing it to its first value.
  let expecting = 'value' as Expecting;
  const problem = (message: string, offset = at): JsonSyntaxError => ({ offset, message });
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
    if (at === text.length) return expecting === 'after-value' && open.length === 0 ? undefined : problem('Unexpected end of JSON input');
    const char = text[at]!;
    if (expecting === 'after-value') {
      const close = open.at(-1) === '{' ? '}' : ']';
      if (open.length === 0) return problem('Unexpected non-whitespace character after JSON');
      if (char === close) closeBracket();
      else if (char === ',') step(close === '}' ? 'key-after-,' : 'value-after-,');
      else return problem(close === '}' ? "Expected ',' or '}' after property value" : "Expected ',' or ']' after array element");
    } else if (expecting === 'key-or-}' || expecting === 'key-after-,') {
      if (char === '}' && expecting === 'key-or-}') closeBracket();
      else if (char === '}') return problem("Unexpected '}' after ',': JSON allows no trailing comma");
      else if (char !== '"') return problem(`Expected a property name in double quotes${expecting === 'key-or-}' ? " or '}'" : ''}`);
      else {
        const keyProblem = skipString();
        if (keyProblem) return keyProblem;
        while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
        if (at === text.length) return problem('Unexpected end of JSON input');
        if (text[at] !== ':') return problem("Expected ':' after property name");
        step('value');
      }
    } else if (char === ']' && expecting === 'value-or-]') {
      closeBracket();
    } else if (char === ']' && expecting === 'value-after-,') {
      return problem("Unexpected ']' after ',': JSON allows no trailing comma");
    } else {
      const valueProblem = skipValue(char);
      if (valueProblem) return valueProblem;
    }
  }

  /** Steps over one character: a comma, a colon, a bracket. */
  function step(next: Expecting): void {
    at++;
    expecting = next;
  }

  function closeBracket(): void {
    open.pop();
    step('after-value');
  }

  /** Steps over a value, or into an object or list. */
  function skipValue(char: string): JsonSyntaxError | undefined {
    if (char === '{' || char === '[') {
      open.push(char);
      step(char === '{' ? 'key-or-}' : 'value-or-]');
      return undefined;
    }
    expecting = 'after-value';
    if (char === '"') return skipString();
    if (char === '-' || (char >= '0' && char <= '9')) return skipNumber();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at) && !/[\w$]/.test(text[at + literal.length] ?? '')) {
        at += literal.length;
        return undefined;
      }
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    if (word) return problem(`Unexpected word ${JSON.stringify(word.length > 40 ? `${word.slice(0, 40)}…` : word)}: ${VALUES}`);
    if (char === "'") return problem('Unexpected "\'": JSON strings take double quotes');
    if (char === '/') return problem('Unexpected "/": JSON allows no comments (YAML does: a file not ending in .json is read as YAML)');
    return problem(`Unexpected character ${JSON.stringify(char)}: ${VALUES}`);
  }

  function skipString(): JsonSyntaxError | undefined {
    const start = at;
    for (at++; at < text.length; at++) {
      const char = text[at]!;
      if (char === '"') {
        at++;
        return undefined;
      }
      if (char < ' ') return problem('Bad control character in string literal (a line break in a string is written \\n)');
      if (char === '\\') {
        const escape = text[++at];
        if (escape === undefined) break;
        if (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) return problem('Bad Unicode escape (\\u takes four hex digits)');
        if (escape === 'u') at += 4;
        else if (!'"\\/bfnrt'.includes(escape)) return problem('Bad escaped character');
      }
    }
    return problem('Unterminated string', start);
  }

  function skipNumber(): JsonSyntaxError | undefined {
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text)?.[0] ?? '';
    const next = at + number.length;
    if (number === '' || number === '-') return problem('No number after minus sign', at + 1);
    if (text[next] === '.') return problem('Unterminated fractional number', next + 1);
    if (text[next] === 'e' || text[next] === 'E') return problem('Exponent part is missing a number', next + 1);
    at = next;
    return undefined;
  }
}

/** The 1-based line and column of an offset in a text (a column counts UTF-16 code units, as editors mostly do). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
