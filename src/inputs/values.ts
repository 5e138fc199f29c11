import { UserError, listWords, quote } from '../errors.js';

/**
 * One parser per kind of value an input holds, shared by every input of that kind, on both
 * surfaces (action inputs and CLI flags). Each takes the raw text and the field's name for
 * messages, and says what would be accepted when the text is wrong. Pure.
 */

/** true or false (the spellings GitHub's YAML booleans come as); empty: the fallback. */
export function parseBoolean(text: string | undefined, field: string, fallback: boolean): boolean {
  const t = (text ?? '').trim();
  if (t === '') return fallback;
  if (/^(true|True|TRUE)$/.test(t)) return true;
  if (/^(false|False|FALSE)$/.test(t)) return false;
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: true or false`);
}

/** A whole number within bounds; empty: the fallback. `unit` names what it counts ("seconds"). */
export function parseWholeNumber(
  text: string | undefined,
  field: string,
  bounds: { min: number; max: number; fallback: number; unit?: string },
): number {
  const t = (text ?? '').trim();
  if (t === '') return bounds.fallback;
  if (/^\d{1,9}$/.test(t) && Number(t) >= bounds.min && Number(t) <= bounds.max) return Number(t);
  const what = bounds.unit ?? 'a whole number';
  throw new UserError(
    `${field}: ${quote(text)} is not valid; accepted: ${what} from ${bounds.min} to ${bounds.max} (default ${bounds.fallback})`,
  );
}

/** One of a few words, case-insensitive; empty: the fallback. */
export function parseChoice<T extends string>(
  text: string | undefined,
  field: string,
  choices: readonly T[],
  fallback: T,
  what = 'valid',
): T {
  const t = (text ?? '').trim().toLowerCase() || fallback;
  if ((choices as readonly string[]).includes(t)) return t as T;
  throw new UserError(`${field}: ${quote(text)} is not ${what}; accepted: ${listWords([...choices])}`);
}

/** Non-empty lines, trimmed; comment lines (#) dropped. Commas do not split: values may contain them. */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Items of a list input: lines (# starts a comment line), each split on spaces. */
export function words(text: string | undefined): string[] {
  return lines(text).flatMap((l) => l.split(/\s+/));
}

/** What the KEY of a KEY=VALUE line may be, and how a message names the form. */
export interface KeyForm {
  key: RegExp;
  /** "KEY=VALUE with a name of letters, digits and _" */
  form: string;
}

/** Names of build-args and environment variables. */
export const VARIABLE_NAME: KeyForm = { key: /^[A-Za-z_][A-Za-z0-9_]*$/, form: 'KEY=VALUE with a name of letters, digits and _' };
/** Label keys (reverse-DNS and the like, as docker/metadata-action writes them). */
export const LABEL_KEY: KeyForm = { key: /^[A-Za-z0-9][A-Za-z0-9._/-]*$/, form: 'key=value' };

/** One KEY=VALUE: the key checked against its form; the value may not hold control characters (a newline). */
export function parseKeyValue(text: string, field: string, form: KeyForm): [string, string] {
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim() : '';
  if (!form.key.test(key)) throw new UserError(`${field}: ${quote(text)} is not ${form.form}`);
  const value = text.slice(eq + 1);
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new UserError(`${field} (${key}): the value contains control characters (a newline?); one line per variable`);
  }
  return [key, value];
}

/** KEY=VALUE lines, numbered in messages. */
export function parseKeyValueLines(text: string | undefined, field: string, form: KeyForm): [string, string][] {
  return lines(text).map((line, i) => parseKeyValue(line, `${field} line ${i + 1}`, form));
}
