import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT_CHARS, SUMMARY_LIMIT_BYTES, fitMarkdown } from '../src/report/format.js';
import { inertInline, inertJson, inertText } from '../src/report/inert.js';

// Reports cut to what GitHub keeps: a job summary over 1 MiB per step is dropped, a comment over
// 65,536 characters refused. What is cut is said, with where the whole is.

describe('fitMarkdown', () => {
  const rows = (n: number): string => Array.from({ length: n }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`).join('\n');

  it('leaves markdown that fits as it is', () => {
    expect(fitMarkdown('# a\n\n| a |\n', 100, 'elsewhere')).toBe('# a\n\n| a |\n');
  });
  it('cuts at a line, within the limit in bytes, and says how much was left out and where', () => {
    const text = `### results\n\n| a | b |\n|---|---|\n${rows(5000)}\n`;
    const cut = fitMarkdown(text, 10_000, 'the images output has all');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10_000);
    expect(cut.startsWith('### results\n\n| a | b |\n|---|---|\n| row 0 |')).toBe(true);
    expect(cut).toMatch(/\n\n\*\d+ more lines are not shown here \(10000 bytes at most\): the images output has all\.\*\n$/);
  });
  it('counts characters for a comment, and multi-byte text by bytes for a summary', () => {
    const text = `${'ü'.repeat(40)}\n`.repeat(2000);
    expect(fitMarkdown(text, 50_000, 'x', 'chars').length).toBeLessThanOrEqual(50_000);
    expect(Buffer.byteLength(fitMarkdown(text, 50_000, 'x'))).toBeLessThanOrEqual(50_000);
    expect(fitMarkdown(text, 50_000, 'x', 'chars').length).toBeGreaterThan(fitMarkdown(text, 50_000, 'x').length);
  });
  it('closes a code block and <details> it cut through', () => {
    const text = `<details><summary>log</summary>\n\n\`\`\`text\n${'line\n'.repeat(10_000)}\`\`\`\n\n</details>\n`;
    const cut = fitMarkdown(text, 5_000, 'the log');
    expect(cut).toMatch(/line\n```\n<\/details>\n\n\*\d+ more lines/);
  });
  it("keeps GitHub's limits with room for the note", () => {
    expect(SUMMARY_LIMIT_BYTES).toBeLessThan(1024 * 1024);
    expect(COMMENT_LIMIT_CHARS).toBeLessThan(65_536);
  });
});

describe('inert text: what the runner could read as a workflow command is not (issue 17)', () => {
  it('wraps text holding :: or ##[ anywhere in a stop-commands block, and leaves other text alone', () => {
    expect(inertText('plain text', 'T')).toBe('plain text');
    expect(inertText('a ##[add-mask]x', 'T')).toBe('::stop-commands::T\na ##[add-mask]x\n::T::');
    expect(inertText('x\r::warning::y', 'T')).toBe('::stop-commands::T\nx\r::warning::y\n::T::');
  });
  it('breaks both forms inside piped text with a zero-width space, and keeps JSON the same value', () => {
    for (const t of ['::add-mask::x', '  ::error::x', 'a ##[set-output name=a;]b', '::::x', '###[add-mask]x']) {
      const inert = inertInline(t);
      expect(inert.trimStart().startsWith('::')).toBe(false);
      expect(inert).not.toContain('##[');
      expect(inert.replace(/\u200b/g, '')).toBe(t);
    }
    const value = { a: '##[add-mask]x', b: ['::error::y'] };
    const json = inertJson(JSON.stringify(value, null, 2));
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual(value);
  });
});
