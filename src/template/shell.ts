/**
 * Values rendered into the template's RUN lines go through shellWord, and only through it.
 * The parsers of the inputs already refuse what a value does not need; this is the second wall.
 */

/** Characters no POSIX shell (dash, bash) reads specially anywhere in a word; `=` and `~` are out (pins, ~user). */
const PLAIN = /^[A-Za-z0-9_./:@%+,-]+$/;

/**
 * One word for /bin/sh in a Dockerfile RUN line: as it is when it holds only plain characters,
 * else single-quoted (a `'` inside closed, escaped and reopened), which dash and bash both read
 * literally. A newline or other control character would end the Dockerfile instruction, so it is
 * a bug to pass one (the parsers refuse them): it throws rather than render.
 */
export function shellWord(value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error(`a control character in a value for a RUN line: ${JSON.stringify(value)}`);
  if (PLAIN.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
