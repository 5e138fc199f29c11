import { frameworkById, frameworkOf, frameworkTitle, frameworkVersion, type MatrixEntry } from '../frameworks/index.js';
import type { ImageResult } from '../commands/build.js';
import type { DuplicateLibrary } from '../image/libraries.js';
import type { ReproResult } from '../commands/repro.js';
import type { SmokeResult } from '../commands/smoke.js';
import type { VerifyReport } from '../commands/verify.js';
import type { PruneReport } from '../commands/prune.js';
import type { Plan, SkippedCell } from '../matrix/resolve.js';
import { platformsOf } from '../matrix/entry.js';
import { isDefaultPlatforms } from '../matrix/platform.js';

/** Renderings of a plan: JSON for machines, a text table for people, markdown for the job summary. Pure. */

export const FORMATS = ['json', 'table', 'markdown'] as const;

/**
 * GitHub drops a step's job summary over 1 MiB ("each step is restricted to a maximum size of
 * 1MiB", docs: workflow commands, step isolation and limits) and refuses a comment over 65,536
 * characters (the API's "body is too long (maximum is 65536 characters)"). A little is kept back
 * for the note that says what was left out.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4096;
export const COMMENT_LIMIT_CHARS = 65_536 - 1024;

/**
 * Markdown cut to fit `limit` (bytes, or characters with `unit: 'chars'`) at a line boundary: an
 * open code block or <details> is closed, and a last line says how much was left out and where
 * the whole is. Sections are written most important first, so what is cut is what matters least.
 */
export function fitMarkdown(markdown: string, limit: number, whereTheRestIs: string, unit: 'bytes' | 'chars' = 'bytes'): string {
  const size = (text: string): number => (unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length);
  if (size(markdown) <= limit) return markdown;
  const lines = markdown.split('\n');
  const note = (left: number): string => `\n\n*${left} more lines are not shown here (${limit} ${unit} at most): ${whereTheRestIs}.*\n`;
  let kept = 0;
  let used = 0;
  const budget = limit - size(note(lines.length)) - 16;
  while (kept < lines.length && used + size(lines[kept] as string) + 1 <= budget) used += size(lines[kept++] as string) + 1;
  const head = lines.slice(0, kept);
  const fences = head.filter((l) => l.startsWith('```')).length;
  const details = head.filter((l) => l.startsWith('<details>')).length - head.filter((l) => l.startsWith('</details>')).length;
  if (fences % 2 === 1) head.push('```');
  for (let i = 0; i < details; i++) head.push('</details>');
  return `${head.join('\n')}${note(lines.length - kept)}`;
}
export type Format = (typeof FORMATS)[number];

/** The object workflows consume: `{"include": [...], "skipped": [...]}`. */
export function planJson(plan: Plan): string {
  return JSON.stringify({ include: plan.include, skipped: plan.skipped }, null, 2);
}

/** `{"include": [...]}`: ready for `strategy.matrix: ${{ fromJSON(...) }}` (one line: it goes into GITHUB_OUTPUT). */
export function matrixOutput(plan: Plan): string {
  return JSON.stringify({ include: plan.include });
}

interface Column {
  title: string;
  value: (e: MatrixEntry) => string;
}

/**
 * The plan's columns: a plan of one framework shows its version and its own columns (torch:
 * torchvision, torchaudio); a mixed plan names the framework with its version.
 */
function columnsFor(plan: Plan): Column[] {
  const frameworks = [...new Set(plan.include.map((e) => frameworkOf(e)))];
  const only = frameworks.length === 1 ? frameworks[0] : undefined;
  const own: Column[] = frameworks.flatMap((f) =>
    f.columns.map((c) => ({ title: c.title, value: (e: MatrixEntry) => (frameworkOf(e) === f ? c.value(e) : null) ?? '-' })),
  );
  return [
    { title: 'tag', value: (e) => e.tag },
    only ? { title: only.key, value: (e) => frameworkVersion(e) } : { title: 'framework', value: (e) => frameworkTitle(e) },
    ...own,
    { title: 'cuda', value: (e) => e.cudaFull ?? e.cuda },
    { title: 'cudnn', value: (e) => e.cudnn ?? '-' },
    { title: 'python', value: (e) => e.python },
    { title: 'base image', value: (e) => e.baseImage },
    // only when some entry is built for more than linux/amd64: plans as they were stay as they were
    ...(plan.include.some((e) => !isDefaultPlatforms(platformsOf(e)))
      ? [{ title: 'platforms', value: (e: MatrixEntry) => platformsOf(e).join(',') }]
      : []),
    { title: 'min driver', value: (e) => e.minDriver ?? '-' },
    { title: 'key', value: (e) => e.key },
  ];
}

export function planTable(plan: Plan): string {
  const columns = columnsFor(plan);
  const rows = plan.include.map((e) => columns.map((c) => c.value(e)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [
    `${plan.include.length} ${plan.include.length === 1 ? 'entry' : 'entries'}`,
    '',
    line(columns.map((c) => c.title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (plan.skipped.length) {
    out.push('', `skipped ${plan.skipped.length}:`);
    for (const s of plan.skipped) {
      const platforms = s.platforms ? ` × ${s.platforms}` : '';
      out.push(`  ${skippedVersion(s)} × ${s.cuda} × py ${s.python} × ${s.os} × ${s.flavor}${platforms}: ${s.reason}`);
    }
  }
  if (plan.warnings.length) {
    out.push('', 'warnings:');
    for (const w of plan.warnings) out.push(`  ${w}`);
  }
  return `${out.join('\n')}\n`;
}

/** "2.4.1" for torch (as before), "tensorflow 2.18.1", "jax 0.8.0". */
function skippedVersion(s: SkippedCell): string {
  const framework = frameworkById(s.framework ?? 'pytorch');
  const version = (s as unknown as Record<string, string | undefined>)[framework.key] ?? '';
  return s.framework ? `${framework.key} ${version}` : version;
}

export function planMarkdown(plan: Plan): string {
  const cell = (text: string): string => mdEscape(text);
  const columns = columnsFor(plan);
  const out = [
    `### gpu-image-matrix plan: ${plan.include.length} ${plan.include.length === 1 ? 'image' : 'images'}`,
    '',
    `| ${columns.map((c) => c.title).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...plan.include.map((e) => `| ${columns.map((c) => cell(c.value(e))).join(' | ')} |`),
  ];
  if (plan.skipped.length) {
    out.push('', `<details><summary>Skipped ${plan.skipped.length} combination(s) that were never shipped</summary>`, '');
    out.push('| torch | cuda | python | os | flavor | reason |', '|---|---|---|---|---|---|');
    for (const s of plan.skipped) {
      out.push(`| ${[skippedVersion(s), s.cuda, s.python, s.os, s.flavor, s.reason].map(cell).join(' | ')} |`);
    }
    out.push('', '</details>');
  }
  if (plan.warnings.length) {
    out.push('', '**Warnings**', '');
    for (const w of plan.warnings) out.push(`- ${cell(w)}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatPlan(plan: Plan, format: Format): string {
  switch (format) {
    case 'json':
      return `${planJson(plan)}\n`;
    case 'table':
      return planTable(plan);
    case 'markdown':
      return planMarkdown(plan);
  }
}

/** Values come from user input and data: keep them from breaking the table or injecting HTML. */
function mdEscape(text: string): string {
  // \r alone ends a line too (CommonMark): a name from an image must not start a line of its own
  return text.replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, ' ');
}

/** The build's results: one row per entry (log table and job summary), errors below. */
export function buildMarkdown(images: ImageResult[]): string {
  const counts = countStatuses(images);
  const out = [
    `### gpu-image-matrix build: ${Object.entries(counts)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')}`,
    '',
    '| image | status | digest | size | libraries held twice | seconds | cached steps | cache | attempts |',
    '|---|---|---|---|---|---|---|---|---|',
    // failures first: when a long table is cut to fit a summary, they are what stays
    ...mostImportantFirst(images, (r) => r.status === 'failed' || r.status === 'cancelled').map(
      (r) =>
        `| ${mdEscape(r.tags[0] ?? r.tag)} | ${statusWord(r)} | ${r.digest ? `\`${r.digest.slice(0, 19)}…\`` : '-'} ` +
        `| ${formatSize(r.size)} | ${duplicatesText(r)} | ${r.seconds} | ${stepsText(r)} | ${r.cache} | ${r.attempts} |`,
    ),
  ];
  const multi = images.filter((r) => r.platforms?.length);
  if (multi.length) {
    out.push('', '| image | platform | digest | size | libraries held twice |', '|---|---|---|---|---|');
    for (const r of multi) {
      for (const p of r.platforms ?? []) {
        out.push(
          `| ${mdEscape(r.tags[0] ?? r.tag)} | ${mdEscape(p.platform)} | \`${p.digest.slice(0, 19)}…\` | ${formatSize(p.size)} ` +
            `| ${duplicatesText(p)} |`,
        );
      }
    }
  }
  // One folded table per image scanned: per platform where the entry has several.
  const scanned = images.flatMap((r): { name: string; found: Duplicates }[] =>
    r.platforms?.length
      ? r.platforms.map((p) => ({ name: `${r.tags[0] ?? r.tag} (${p.platform})`, found: p }))
      : [{ name: r.tags[0] ?? r.tag, found: r }],
  );
  for (const { name, found } of scanned.filter((s) => s.found.duplicates?.length)) {
    const shown = (found.duplicates ?? []).slice(0, SUMMARY_DUPLICATES);
    out.push(
      '',
      `<details><summary>${mdEscape(name)}: ${duplicatesText(found)}</summary>`,
      '',
      '| library | wasted | copies | paths |',
      '|---|---|---|---|',
      ...shown.map((d) => `| ${mdEscape(d.soname)} | ${formatSize(d.bytes)} | ${d.copies} | ${d.paths.map(mdEscape).join('<br>')} |`),
      '',
      '</details>',
    );
  }
  const failed = images.filter((r) => r.error && r.status === 'failed');
  for (const r of failed) {
    out.push(
      '',
      `<details><summary>${mdEscape(r.tag)} failed</summary>`,
      '',
      '```text',
      (r.error ?? '').replace(/```/g, "'''"),
      '```',
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}

/** The duplicated libraries each entry's summary lists, largest first (the images output has up to 100). */
const SUMMARY_DUPLICATES = 10;

/** What an image or a platform row says of its duplicated libraries. */
interface Duplicates {
  duplicates?: DuplicateLibrary[] | null;
  duplicateBytes?: number | null;
}

/** "3 (1.2 MiB wasted)" (the largest listed, the waste of all), "none", or "-" when not scanned. */
function duplicatesText(r: Duplicates): string {
  if (r.duplicates === null || r.duplicates === undefined || r.duplicateBytes === null || r.duplicateBytes === undefined) return '-';
  if (!r.duplicates.length) return 'none';
  return `${r.duplicates.length} (${formatSize(r.duplicateBytes)} wasted)`;
}

/** A plain-text table: a head row, a rule, the rows; columns as wide as their widest cell. */
function textTable(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function buildTable(images: ImageResult[]): string {
  const rows = images.map((r) => [
    r.tag,
    statusWord(r),
    r.digest ?? '-',
    formatSize(r.size),
    duplicatesText(r),
    `${r.seconds}s`,
    stepsText(r),
    r.cache,
  ]);
  const head = ['entry', 'status', 'digest', 'size', 'held twice', 'time', 'cached', 'cache'];
  const out = textTable(head, rows);
  const platformRows = images.flatMap((r) =>
    (r.platforms ?? []).map((p) => [r.tag, p.platform, p.digest, formatSize(p.size), duplicatesText(p)]),
  );
  if (platformRows.length) out.push('', ...textTable(['entry', 'platform', 'digest', 'size', 'held twice'], platformRows));
  for (const r of images.filter((x) => x.status === 'failed')) out.push('', `${r.tag} failed:`, `  ${r.error ?? ''}`);
  return `${out.join('\n')}\n`;
}

/** The rows that need a person's attention first, the others after, each in their own order. */
function mostImportantFirst<T>(rows: T[], important: (row: T) => boolean): T[] {
  return [...rows.filter(important), ...rows.filter((r) => !important(r))];
}

function countStatuses(images: ImageResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of images) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function statusWord(r: ImageResult): string {
  return r.status === 'skipped' ? 'skipped (up to date)' : r.status;
}

function stepsText(r: ImageResult): string {
  return r.totalSteps === null ? '-' : `${r.cachedSteps}/${r.totalSteps}`;
}

export function formatSize(bytes: number | null): string {
  if (bytes === null) return '-';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Smoke results: one row per entry, and per failure the failing check with its cause and fix. */
export function smokeMarkdown(results: SmokeResult[]): string {
  const passed = results.filter((r) => r.status === 'passed').length;
  const out = [
    `### gpu-image-matrix smoke test: ${passed} passed, ${results.length - passed} failed`,
    '',
    '| image | mode | GPU(s) | driver | torch | CUDA | cuDNN | result |',
    '|---|---|---|---|---|---|---|---|',
    ...mostImportantFirst(results, (r) => r.status === 'failed').map((r) => {
      const cells = [
        smokeName(r),
        r.mode,
        gpusText(r),
        r.host.driver ?? '-',
        r.report?.torch ?? r.report?.tensorflow ?? r.report?.jax ?? '-',
        r.report?.cuda ?? (r.mode === 'cpu' ? 'none' : '-'),
        r.report?.cudnn != null ? String(r.report.cudnn) : '-',
        r.status === 'passed' ? 'passed' : `**failed**: ${r.failed ?? ''}`,
      ];
      return `| ${cells.map(mdEscape).join(' | ')} |`;
    }),
  ];
  for (const r of results.filter((x) => x.status === 'failed')) {
    out.push('', `**${mdEscape(smokeName(r))}**: ${mdEscape(r.failed ?? 'failed')}`);
    if (r.diagnosis) out.push(`- cause: ${mdEscape(r.diagnosis.cause)}`, `- fix: ${mdEscape(r.diagnosis.fix)}`);
    if (r.output) out.push('', '```text', r.output.replace(/```/g, "'''"), '```');
  }
  return `${out.join('\n')}\n`;
}

/** The entry's tag, and the platform checked when it is not linux/amd64 (an entry built for several has a row each). */
function smokeName(r: SmokeResult): string {
  return r.platform && r.platform !== 'linux/amd64' ? `${r.tag} (${r.platform})` : r.tag;
}

export function smokeTable(results: SmokeResult[]): string {
  const rows = results.map((r) => [
    smokeName(r),
    r.mode,
    r.status,
    r.report?.torch ?? r.report?.tensorflow ?? r.report?.jax ?? '-',
    r.report ? (r.report.cuda ?? 'none') : '-',
    gpusText(r),
    `${r.seconds}s`,
  ]);
  const head = ['entry', 'mode', 'result', 'torch', 'cuda', 'gpus', 'time'];
  const out = textTable(head, rows);
  for (const r of results.filter((x) => x.status === 'failed')) {
    out.push('', `${smokeName(r)}: ${r.failed ?? 'failed'}`);
    if (r.diagnosis) out.push(`  cause: ${r.diagnosis.cause}`, `  fix: ${r.diagnosis.fix}`);
  }
  return `${out.join('\n')}\n`;
}

function gpusText(r: SmokeResult): string {
  if (r.mode === 'cpu') return '-';
  const gpus = r.report?.gpus?.length ? r.report.gpus.map((g) => `${g.name} (${g.capability})`) : r.host.gpus.map((g) => g.name);
  return gpus.length ? gpus.join(', ') : '-';
}

/** The reproducibility report: a PR comment or job summary a reviewer can act on. */
export function reproMarkdown(results: ReproResult[]): string {
  const out = ['### gpu-image-matrix reproducibility', ''];
  out.push('| image | deterministic | manifest | change against baseline |', '|---|---|---|---|');
  for (const r of results) {
    const d = r.determinism;
    const det =
      r.status === 'failed' ? 'check failed' : d?.deterministic ? 'yes' : `**no** (layer ${d?.firstDifferentLayer ?? '-'} differs)`;
    const impact = r.impact
      ? r.impact.drift
        ? `${r.impact.python.length + r.impact.debian.length} package change(s), size ${signedSize(r.impact.size.change)}`
        : 'none'
      : '-';
    out.push(`| ${mdEscape(r.tag)} | ${det} | ${d ? `\`${d.manifest.a.slice(0, 19)}…\`` : '-'} | ${impact} |`);
  }
  for (const r of results) {
    if (r.status === 'failed') out.push('', `**${mdEscape(r.tag)}**: ${mdEscape(r.error ?? 'failed')}`);
    const d = r.determinism;
    if (d && !d.deterministic) {
      out.push(
        '',
        `**${mdEscape(r.tag)} is not reproducible** (SOURCE_DATE_EPOCH=${r.sourceDateEpoch}): ` +
          `manifest ${d.manifest.a} vs ${d.manifest.b}; config ${d.config.same ? 'same' : 'differs'}.`,
      );
      if (d.firstDifferentLayer !== null)
        out.push(
          `Layer ${d.firstDifferentLayer} differs (${d.layers[d.firstDifferentLayer]?.a} vs ${d.layers[d.firstDifferentLayer]?.b}).`,
        );
      if (d.cause) out.push(`Likely cause: ${mdEscape(d.cause)}`);
      if (d.filesNote) out.push(mdEscape(d.filesNote));
      if (d.files.length) {
        out.push('', `| path | difference | first build | second build |`, '|---|---|---|---|');
        for (const f of d.files) out.push(`| ${mdEscape(f.path)} | ${f.kind} | ${mdEscape(f.a ?? '')} | ${mdEscape(f.b ?? '')} |`);
        if (d.totalFileDiffs > d.files.length) out.push('', `… and ${d.totalFileDiffs - d.files.length} more`);
      }
    }
    const i = r.impact;
    if (i) {
      out.push(
        '',
        `**${mdEscape(r.tag)} against ${mdEscape(i.baseline)}** (${i.baselineDigest.slice(0, 19)}…): ` +
          `size ${formatSize(i.size.baseline)} → ${formatSize(i.size.current)} (${signedSize(i.size.change)})`,
      );
      out.push('', '| | baseline | this change |', '|---|---|---|');
      for (const v of i.versions) out.push(`| ${v.name} | ${mdEscape(v.baseline ?? '-')} | ${mdEscape(v.current ?? '-')} |`);
      const changes = [...i.python.map((c) => ({ ...c, kind2: 'python' })), ...i.debian.map((c) => ({ ...c, kind2: 'debian' }))];
      if (changes.length) {
        out.push('', '| package | kind | change | baseline | this change |', '|---|---|---|---|---|');
        for (const c of changes)
          out.push(`| ${mdEscape(c.name)} | ${c.kind2} | ${c.kind} | ${mdEscape(c.baseline ?? '-')} | ${mdEscape(c.current ?? '-')} |`);
      } else out.push('', 'No package changes.');
      const layerRows = i.layers.filter((l) => l.baseline !== l.current);
      if (layerRows.length) {
        out.push('', '| layer | baseline | this change |', '|---|---|---|');
        for (const l of layerRows) out.push(`| ${l.index} | ${formatSize(l.baseline)} | ${formatSize(l.current)} |`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function signedSize(bytes: number): string {
  return `${bytes >= 0 ? '+' : '-'}${formatSize(Math.abs(bytes))}`;
}

// ---------------------------------------------------------------------------------------------
// verify

function verifyCounts(report: VerifyReport): string {
  const counts: Record<string, number> = {};
  for (const v of report.verdicts) counts[v.status] = (counts[v.status] ?? 0) + 1;
  return Object.entries(counts)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

/** The verify results as text: one row per entry, then what is missing and the warnings. */
export function verifyTable(report: VerifyReport): string {
  const rows = report.verdicts.map((v) => [
    v.tag,
    v.status,
    `${v.confirmed} of ${v.checked}`,
    v.missing.length ? `${v.missing.length} missing` : '-',
  ]);
  const head = ['entry', 'verify', 'found', 'problems'];
  const out = [
    `verify: ${verifyCounts(report)} (${report.requests.indexes} index and ${report.requests.registries} registry requests, ` +
      `${report.seconds.toFixed(1)}s)`,
    ...textTable(head, rows),
  ];
  for (const v of report.verdicts) {
    for (const m of v.missing) out.push(`${v.tag}: missing: ${m}`);
    for (const w of v.warnings) out.push(`${v.tag}: warning: ${w}`);
  }
  return `${out.join('\n')}\n`;
}

/** The verify results for a job summary: entries that cannot build first. */
export function verifyMarkdown(report: VerifyReport): string {
  const out = [
    `### gpu-image-matrix verify: ${verifyCounts(report)}`,
    '',
    '| entry | verify | found | missing | warnings |',
    '|---|---|---|---|---|',
    ...mostImportantFirst(report.verdicts, (v) => v.status === 'missing').map(
      (v) =>
        `| ${mdEscape(v.tag)} | ${v.status} | ${v.confirmed} of ${v.checked} | ${v.missing.map(mdEscape).join('<br>') || '-'} | ` +
        `${v.warnings.map(mdEscape).join('<br>') || '-'} |`,
    ),
  ];
  return `${out.join('\n')}\n`;
}

function pruneCounts(report: PruneReport): string {
  const going = report.rows.filter((r) => r.action === 'delete').length;
  const verb = report.applied ? 'deleted' : 'would be deleted (dry run: prune-apply is false)';
  return `${report.repository}: ${going} of ${report.rows.length} tags ${verb}, keeping ${report.keep} builds per key`;
}

/** Rows shown in a prune table; prune-results (the JSON) has them all. */
const PRUNE_ROWS_SHOWN = 300;

/** What prune deletes and keeps, as text: deletes first. */
export function pruneTable(report: PruneReport): string {
  const rows = mostImportantFirst(report.rows, (r) => r.action === 'delete');
  const shown = rows.slice(0, PRUNE_ROWS_SHOWN).map((r) => [r.tag, r.action, r.digest.slice(0, 19), r.created ?? '-', r.reason]);
  const out = [`prune: ${pruneCounts(report)}`, ...textTable(['tag', 'action', 'digest', 'created', 'why'], shown)];
  if (rows.length > shown.length) out.push(`... and ${rows.length - shown.length} more rows (the prune-results output has them all)`);
  for (const e of report.errors) out.push(`error: ${e}`);
  return `${out.join('\n')}\n`;
}

/** The same for a job summary. */
export function pruneMarkdown(report: PruneReport): string {
  const rows = mostImportantFirst(report.rows, (r) => r.action === 'delete');
  const out = [
    `### gpu-image-matrix prune: ${mdEscape(pruneCounts(report))}`,
    '',
    ...report.errors.map((e) => `- error: ${mdEscape(e)}`),
    ...(report.errors.length ? [''] : []),
    '| tag | action | digest | created | why |',
    '|---|---|---|---|---|',
    ...rows
      .slice(0, PRUNE_ROWS_SHOWN)
      .map((r) => `| ${mdEscape(r.tag)} | ${r.action} | \`${r.digest.slice(0, 19)}…\` | ${r.created ?? '-'} | ${mdEscape(r.reason)} |`),
  ];
  if (rows.length > PRUNE_ROWS_SHOWN)
    out.push('', `… and ${rows.length - PRUNE_ROWS_SHOWN} more rows: the prune-results output has them all.`);
  return `${out.join('\n')}\n`;
}
