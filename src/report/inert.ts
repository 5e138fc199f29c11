/**
 * Text that came from a tool, an image, an index or a registry, printed so the Actions runner
 * reads no workflow command in it. The runner takes `::name::` at the start of a line (after
 * leading whitespace, which it strips) and the older `##[name]` anywhere in a line, and a lone
 * `\r` ends a line as `\n` does; between `::stop-commands::<token>` and `::<token>::` it takes
 * none. Text holding `::` or `##[` anywhere goes out inside such a block; other text as it is.
 * Pure: the entry point gives the token (random, one per run) and does the writing.
 */

/** What could read as a workflow command in either form, wherever it stands. */
const COMMAND_LIKE = /::|##\[/;

export function inertText(text: string, token: string): string {
  if (!COMMAND_LIKE.test(text)) return text;
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

/**
 * JSON for a log the runner may read: the same value, with `#` of `##[` written as \u0023
 * (only strings can hold it). `::` cannot start a line of JSON, whose lines start with a
 * bracket, a quote or a value.
 */
export function inertJson(json: string): string {
  return json.replace(/##\[/g, '#\\u0023[');
}

/**
 * Text for a stream that may be piped on (a table, markdown), where a stop-commands block would
 * be in the way: a zero-width space inside every `::` and `##[`, so neither form can be read.
 */
export function inertInline(text: string): string {
  return text.replace(/::/g, ':\u200b:').replace(/##\[/g, '#\u200b#[');
}
