import type { CST } from 'yaml';

/**
 * How deeply the collections of a YAML (or JSON) text nest, found without recursion.
 *
 * Why: the `yaml` package composes documents recursively, and near the end of the stack V8 can abort the whole process
 * ("RegExpCompiler Allocation failed") instead of throwing: `[[[[…` ten thousand deep killed `hwquota check`. Its
 * tokenizer is a loop, so the depth is measured on its tokens before anything recurses.
 */
export function yamlNestingDepth(text: string): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Parser } = require('yaml') as typeof import('yaml');
  const pending: [CST.Token | undefined, number][] = [...new Parser().parse(text)].map((token) => [token, 0]);
  let deepest = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, depth] = next;
    if (token?.type === 'document') pending.push([token.value, depth]);
    if (token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection') {
      deepest = Math.max(deepest, depth + 1);
      for (const item of token.items) pending.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
    }
  }
  return deepest;
}
