import semver from 'semver';
import { quote } from '../errors.js';
import { PROVENANCES } from './schema.js';
import { isRecord } from '../json.js';

/**
 * Field checks for release data, shared by the CUDA sections and every framework's sections.
 * Each check adds what is wrong, with its JSON path, to a Problems list, so that one pass
 * reports every problem of a compat-file at once. Pure.
 */

export type Json = unknown;

export class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

/**
 * A top-level section of the release data, owned by the CUDA data or by one framework. A
 * compat-file may give any section; it is merged over the bundled one by `merge`.
 */
export interface DataSection {
  name: string;
  /** list: items replace the bundled item with the same id, or are added; record: by key; replace: whole */
  merge: { kind: 'list'; id: string } | { kind: 'record' } | { kind: 'replace' };
  /** check the section's value (a compat-file's, or the bundled one) */
  check(p: Problems, path: string, value: Json): void;
}

export const MINOR = /^\d+\.\d+$/;
export const RELEASE = /^\d+\.\d+\.\d+$/;
export const UBUNTU = /^\d{2}\.\d{2}$/;
export const DRIVER = /^\d+(\.\d+){0,2}$/;

export function isObject(v: Json): v is Record<string, Json> {
  return isRecord(v);
}

export function checkKeys(p: Problems, path: string, obj: Record<string, Json>, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) p.add(`${path}.${k}`, `unknown key; accepted: ${allowed.join(', ')}`);
  }
}

export function str(p: Problems, path: string, v: Json, pattern?: RegExp, what?: string): v is string {
  if (typeof v !== 'string') {
    p.add(path, `expected a string${what ? ` (${what})` : ''}, got ${quote(v)}`);
    return false;
  }
  if (pattern && !pattern.test(v)) {
    p.add(path, `${quote(v)} is not ${what ?? `of the form ${pattern.source}`}`);
    return false;
  }
  return true;
}

export function strList(p: Problems, path: string, v: Json, pattern: RegExp, what: string, nonEmpty = true): v is string[] {
  if (!Array.isArray(v)) {
    p.add(path, `expected a list of ${what}, got ${quote(v)}`);
    return false;
  }
  if (nonEmpty && v.length === 0) {
    p.add(path, `must list at least one ${what}`);
    return false;
  }
  let ok = true;
  v.forEach((item, i) => {
    ok = str(p, `${path}[${i}]`, item, pattern, what) && ok;
  });
  if (ok && new Set(v).size !== v.length) {
    p.add(path, 'lists a value twice');
    ok = false;
  }
  return ok;
}

export function checkProvenance(p: Problems, path: string, v: Json, fields: readonly string[]): void {
  if (v === undefined) return;
  if (!isObject(v)) return p.add(path, `expected an object, got ${quote(v)}`);
  checkKeys(p, path, v, fields);
  for (const [k, value] of Object.entries(v)) {
    if (fields.includes(k) && !PROVENANCES.includes(value as never)) {
      p.add(`${path}.${k}`, `${quote(value)} is not one of ${PROVENANCES.join(', ')}`);
    }
  }
}

export function checkNotes(p: Problems, path: string, v: Json): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.some((n) => typeof n !== 'string')) p.add(path, 'expected a list of strings');
}

/** Python or CUDA minors in ascending order: ["3.8", "3.9", "3.10"]. */
export function ascendingMinors(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if (semver.compare(`${list[i - 1]}.0`, `${list[i]}.0`) >= 0) return false;
  }
  return true;
}

/** Orders Python minors of one major ("3.9" before "3.13"), as sort's comparator. */
export function byMinorNumber(a: string, b: string): number {
  return Number(a.split('.')[1]) - Number(b.split('.')[1]);
}

/** A list section: each item checked, and the id field unique. */
export function checkList(
  p: Problems,
  path: string,
  v: Json,
  what: string,
  id: string,
  checkItem: (p: Problems, path: string, item: Json) => void,
): void {
  if (!Array.isArray(v)) return p.add(path, `expected a list of ${what}`);
  v.forEach((item, i) => checkItem(p, `${path}[${i}]`, item));
  const seen = new Set<string>();
  v.forEach((item, i) => {
    const value = isObject(item) ? item[id] : undefined;
    if (typeof value !== 'string') return;
    if (seen.has(value)) p.add(`${path}[${i}].${id}`, `${what} ${value} is listed twice`);
    seen.add(value);
  });
}
