/**
 * A project's page on a package index, read from either form the simple repository API serves:
 * PEP 691 JSON (`application/vnd.pypi.simple.v1+json`) or PEP 503 HTML (anchors whose text is the
 * file name). Pure: the page is text an index sent back, so it is untrusted: its size is bounded
 * before it gets here, malformed pages are an error naming the index, and nothing in it is run.
 */

export interface IndexFile {
  filename: string;
  /** absolute, resolved against the page's URL; the fragment (#sha256=...) removed */
  url: string;
  /** PEP 658/714: a `<file>.metadata` with the wheel's METADATA is served beside it */
  metadata: boolean;
  /** PEP 592: installers skip it unless an exact pin names it */
  yanked: boolean;
  /** PEP 700 `upload-time` (JSON pages only): "2026-07-16" */
  uploaded?: string;
}

export interface Listing {
  files: IndexFile[];
  format: 'json' | 'html';
}

/** Most files a page may list (PyPI's largest projects list tens of thousands). */
export const MAX_FILES = 200_000;

export const JSON_TYPE = 'application/vnd.pypi.simple.v1+json';
/** What the client asks for: JSON first, the HTML forms after (PEP 691's content negotiation). */
export const ACCEPT = `${JSON_TYPE}, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01`;

export class IndexPageError extends Error {}

/** The page as the index sent it; `contentType` decides the form. */
export function parseIndexPage(body: string, contentType: string, pageUrl: string): Listing {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === JSON_TYPE || type === 'application/json') return { files: parseJson(body, pageUrl), format: 'json' };
  return { files: parseHtml(body, pageUrl), format: 'html' };
}

function parseJson(body: string, pageUrl: string): IndexFile[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new IndexPageError(`not valid JSON (${(err as Error).message.slice(0, 100)})`);
  }
  const files = (doc as { files?: unknown })?.files;
  if (!Array.isArray(files)) throw new IndexPageError('a PEP 691 page without a "files" list');
  if (files.length > MAX_FILES) throw new IndexPageError(`lists ${files.length} files, more than ${MAX_FILES}`);
  const out: IndexFile[] = [];
  for (const f of files as Record<string, unknown>[]) {
    if (typeof f?.filename !== 'string' || typeof f.url !== 'string') {
      throw new IndexPageError('a PEP 691 file without a filename and url');
    }
    const url = absolute(f.url, pageUrl);
    if (!url) continue;
    const meta = f['core-metadata'] ?? f['dist-info-metadata'];
    const uploaded = typeof f['upload-time'] === 'string' ? /^(\d{4}-\d{2}-\d{2})T/.exec(f['upload-time'])?.[1] : undefined;
    out.push({ filename: f.filename, url, metadata: Boolean(meta), yanked: Boolean(f.yanked), ...(uploaded ? { uploaded } : {}) });
  }
  return out;
}

const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))|([\w-]+)/g;

/**
 * The anchors of a page, in one pass: an attribute value may hold `>` (`data-requires-python=">=3.8"`
 * unescaped, as some mirrors write it), and a page that never closes a tag or a quote ends the scan
 * instead of making it start again at every `<a` (a regular expression would, quadratically).
 */
function* anchors(body: string): Generator<{ attrs: string; text: string }> {
  const lower = body.toLowerCase();
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<a', at);
    if (open < 0) return;
    if (!/\s/.test(lower[open + 2] ?? '')) {
      at = open + 2;
      continue;
    }
    let i = open + 3;
    let quote: string | null = null;
    for (; i < body.length; i++) {
      const c = body[i];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (i >= body.length) return;
    const close = lower.indexOf('</a', i + 1);
    if (close < 0) return;
    yield { attrs: body.slice(open + 3, i), text: stripTags(body.slice(i + 1, close)) };
    at = close + 3;
  }
}

/** Text without its tags, as /<[^>]*>/g would leave it, in one pass: that regex is quadratic on a run of '<' with no '>'. */
function stripTags(html: string): string {
  let out = '';
  for (let i = 0; i < html.length;) {
    const lt = html.indexOf('<', i);
    const gt = lt < 0 ? -1 : html.indexOf('>', lt + 1);
    if (gt < 0) return out + html.slice(i);
    out += html.slice(i, lt);
    i = gt + 1;
  }
  return out;
}

function parseHtml(body: string, pageUrl: string): IndexFile[] {
  const out: IndexFile[] = [];
  for (const a of anchors(body)) {
    if (out.length >= MAX_FILES) throw new IndexPageError(`lists more than ${MAX_FILES} files`);
    const attrs = attributes(a.attrs);
    const href = attrs.get('href');
    if (!href) continue;
    const url = absolute(decodeEntities(href), pageUrl);
    if (!url) continue;
    const text = decodeEntities(a.text.trim());
    // The anchor's text is the file name (PEP 503); else the URL's last part, where it decodes.
    const filename = text || lastPart(url);
    if (!filename) continue;
    const meta = attrs.get('data-core-metadata') ?? attrs.get('data-dist-info-metadata');
    out.push({ filename, url, metadata: meta !== undefined && meta !== 'false', yanked: attrs.has('data-yanked') });
  }
  if (out.length === 0 && !/<html|<a\s|<!doctype/i.test(body)) {
    throw new IndexPageError('neither a PEP 503 HTML page nor PEP 691 JSON');
  }
  return out;
}

function lastPart(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of text.matchAll(ATTRIBUTE)) {
    if (a[5]) map.set(a[5].toLowerCase(), '');
    else if (a[1]) map.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
  }
  return map;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const lower = e.toLowerCase();
    if (named[lower]) return named[lower];
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
  });
}

/** The link resolved against the page, without its fragment; null for anything but http(s). */
function absolute(href: string, pageUrl: string): string | null {
  try {
    const u = new URL(href, pageUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
