import { UserError, quote } from '../errors.js';
import type { ReleaseData } from '../frameworks/index.js';
import {
  newestNightlyDate,
  nightliesOn,
  nightlyRelease,
  shiftDate,
  type NightlyAsk,
  type NightlyBuilds,
  type NightlyRead,
} from '../frameworks/torch-nightly.js';
import { pinnedVersion, type WheelMetadata } from '../refresh/wheel-metadata.js';
import { variantsToProbe } from '../refresh/torch.js';
import type { Runtime } from '../runtime.js';
import type { IndexFile } from '../verify/index-page.js';
import { listingKey } from '../verify/check.js';
import { publicVersion } from '../verify/wheel.js';
import { PackageIndexClient } from './package-index.js';
import { pickFile, readWheelMetadata } from './wheel-metadata.js';

/**
 * Reads PyTorch's nightly index for the nightlies a matrix asks for and adds each as a release to
 * the data (before planning, which stays pure): one page per project and variant, and a wheel's
 * METADATA (never the wheel) for cuDNN and the libraries' torch pin. `indexTemplate` is the nightly
 * index with {variant} (<torch-index-url>/nightly/{variant} behind a mirror).
 */
export async function withTorchNightlies(data: ReleaseData, asked: NightlyAsk, indexTemplate: string, rt: Runtime): Promise<ReleaseData> {
  const client = new PackageIndexClient();
  const errors: string[] = [];
  const pageOf = (variant: string, project: string): string => listingKey(indexTemplate.replace('{variant}', variant), project);
  const read = async (variant: string, project: string): Promise<NightlyBuilds | null> => {
    const answer = await client.listing(pageOf(variant, project));
    if ('listing' in answer) return nightliesOn(answer.listing.files, project);
    if ('error' in answer) errors.push(`${pageOf(variant, project)}: ${answer.error}`);
    return null;
  };
  const pages = async (project: string, variants: string[]): Promise<Map<string, NightlyBuilds>> => {
    const found = await Promise.all(variants.map(async (v) => [v, await read(v, project)] as const));
    return new Map(found.filter((f): f is [string, NightlyBuilds] => f[1] !== null && f[1].size > 0));
  };

  const torch = await pages('torch', variantsToProbe(data));
  const where = indexTemplate.replace('/{variant}', '');
  if (!torch.size) {
    const why = errors.length
      ? `could not read it (${errors.slice(0, 2).join('; ')}${errors.length > 2 ? `; and ${errors.length - 2} more` : ''})`
      : 'its pages list no nightly torch wheels';
    throw new UserError(
      `torch nightly: ${where}: ${why}; nightly needs PyTorch's nightly index, or a mirror of it given as ` +
        'torch-index-url (its pages at <url>/nightly/<variant>/torch/)',
    );
  }
  // Dates with linux x86_64 torch wheels (a day of aarch64 wheels alone builds no linux/amd64 image).
  const available = [...new Set([...torch.values()].flatMap((b) => [...b].filter(([, x]) => x.files.length).map(([d]) => d)))]
    .sort()
    .reverse();
  const dates = new Set(asked.dates);
  const newest = asked.newest ? newestNightlyDate(torch, data) : null;
  if (newest) dates.add(newest);
  for (const d of dates) {
    if (!available.includes(d)) {
      throw new UserError(
        `torch nightly-${d}: no nightly torch of that date on ${where}; it has ${available.slice(0, 5).join(', ')}` +
          `${available.length > 5 ? ` and ${available.length - 5} older` : ''} (PyTorch deletes old nightlies from the index)`,
      );
    }
  }

  const builtOn = [...torch.keys()];
  const [torchvision, torchaudio] = await Promise.all([pages('torchvision', builtOn), pages('torchaudio', builtOn)]);
  const metadata = async (file: IndexFile | undefined): Promise<WheelMetadata | null> => {
    if (!file) return null;
    try {
      return await readWheelMetadata(file, client);
    } catch (err) {
      rt.log.warning(
        `torch nightly: could not read the metadata of ${quote(file.filename.slice(0, 200))}: ${(err as Error).message.slice(0, 300)}`,
      );
      return null;
    }
  };
  const releases = await Promise.all(
    [...dates].map(async (date) => {
      const cudnn = new Map<string, string>();
      await Promise.all(
        builtOn
          .filter((v) => v !== 'cpu')
          .map(async (v) => {
            const meta = await metadata(pickFile(torch.get(v)?.get(date)?.files));
            const pin = meta ? pinnedVersion(meta, /^nvidia-cudnn-cu\d+$/i) : null;
            if (pin) cudnn.set(v, pin.version);
          }),
      );
      // A library's nightly pairs when its Requires-Dist pins this torch; its run may be dated a day apart.
      const version = [...torch.values()].find((b) => b.get(date))?.get(date)?.version ?? '';
      const paired: NightlyRead['paired'] = {};
      for (const [name, builds] of [
        ['torchvision', torchvision],
        ['torchaudio', torchaudio],
      ] as const) {
        for (const d of [date, shiftDate(date, 1), shiftDate(date, -1)]) {
          const meta = await metadata(pickFile([...builds.values()].flatMap((b) => b.get(d)?.files ?? [])));
          const pin = meta ? pinnedVersion(meta, /^torch$/i) : null;
          if (pin && publicVersion(pin.version) === version) paired[name] = { date: d, pinned: true };
          // the same day's build, where what it pins could not be read
          else if (!pin && d === date && [...builds.values()].some((b) => b.get(d)?.files.length))
            paired[name] = { date: d, pinned: false };
          if (paired[name]?.pinned) break;
        }
      }
      const notes: string[] = [];
      const release = nightlyRelease(
        data,
        { date, index: where, torch, torchvision, torchaudio, cudnn, paired, readOn: rt.now().toISOString().slice(0, 10) },
        notes,
      );
      for (const n of notes) rt.log.warning(`torch nightly: ${n}`);
      if (!release) throw new UserError(`torch nightly-${date}: ${notes.at(-1) ?? 'nothing of that date can be planned'} (on ${where})`);
      return date === newest ? { ...release, newestNightly: true } : release;
    }),
  );
  for (const r of releases) {
    rt.log.info(
      `torch nightly: ${r.patches[0]?.torch} on ${[...r.cuda.variants, 'cpu'].join(', ')}, Python ${r.python.supported.join(', ')} ` +
        `(${client.requests} requests to ${where})`,
    );
  }
  return { ...data, torch: [...data.torch, ...releases] };
}
