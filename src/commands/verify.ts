import { readRequirementsTree } from '../effects/build-source.js';
import { checkImage } from '../effects/image-check.js';
import { PackageIndexClient } from '../effects/package-index.js';
import { RegistryClient } from '../effects/registry.js';
import type { MatrixEntry, ReleaseData } from '../frameworks/index.js';
import { platformsOf } from '../matrix/entry.js';
import { MACHINE, architectureOf, type Platform } from '../matrix/platform.js';
import type { Plan } from '../matrix/resolve.js';
import type { Runtime } from '../runtime.js';
import {
  entryNeeds,
  judge,
  listingKey,
  wheelOutcome,
  type Answers,
  type EntryNeeds,
  type EntryVerdict,
  type ImageAnswer,
  type ListingAnswer,
} from '../verify/check.js';
import type { VerifyOptions } from '../verify/options.js';

/**
 * `verify`: for each planned entry, whether every wheel its build installs at an exact version is
 * on the index the build uses, for the entry's Python and platform, and every image it pulls is in
 * its registry; without downloading a wheel or a layer. Each project's page is fetched once per
 * index, however many entries ask, all at once (within a bound); each image is asked once.
 */

export interface VerifyReport {
  verdicts: EntryVerdict[];
  /** requests sent to package indexes and registries */
  requests: { indexes: number; registries: number };
  seconds: number;
}

/** The answers about images, per platform: one image is asked once per platform its entries are built for. */
function imageKey(platform: Platform, reference: string): string {
  return `${platform} ${reference}`;
}

/** verify's command: every entry of the plan, all at once. */
export async function verifyCommand(plan: Plan, data: ReleaseData, options: VerifyOptions, rt: Runtime): Promise<VerifyReport> {
  const verifier = new Verifier(data, options, rt);
  await verifier.verify(plan.include);
  return verifier.report();
}

/**
 * Verifies entries, sharing what it has fetched: build asks for one entry at a time, right before
 * building it (an entry that is up to date needs nothing fetched), and pages and images asked for
 * by one entry are not fetched again for the next.
 */
export class Verifier {
  private readonly indexes = new PackageIndexClient();
  private readonly registry: RegistryClient;
  private readonly listings = new Map<string, Promise<ListingAnswer>>();
  private readonly images = new Map<string, Promise<ImageAnswer>>();
  private readonly pins = new Map<string, string[]>();
  private readonly verdicts = new Map<string, EntryVerdict>();
  private readonly order: string[] = [];
  private readonly started = Date.now();

  constructor(
    private readonly data: ReleaseData,
    private readonly options: VerifyOptions,
    private readonly rt: Runtime,
  ) {
    this.registry = new RegistryClient(rt.env, 1, rt.mask, undefined, (m) => rt.log.warning(m));
  }

  /**
   * The entries' verdicts, in their order; the answers they need fetched concurrently, once each. An
   * entry built for several platforms is checked for each (wheels for its machine, an image for it).
   */
  async verify(entries: MatrixEntry[]): Promise<EntryVerdict[]> {
    const jobs = entries.flatMap((entry) => platformsOf(entry).map((platform) => ({ entry, platform })));
    const needs: (EntryNeeds & { platform: Platform })[] = jobs.map(({ entry, platform }) => ({
      platform,
      ...entryNeeds(entry, this.data, {
        uvImage: this.options.uvImage,
        ownDockerfile: this.options.ownDockerfile,
        machine: MACHINE[platform],
        requirementsPins: (file) => {
          let got = this.pins.get(file);
          if (!got) this.pins.set(file, (got = readRequirementsTree(file, this.rt.baseDir).pins));
          return got;
        },
      }),
    }));
    const listings = new Map<string, ListingAnswer>();
    const images = new Map<string, ImageAnswer>();
    const fetchListings = (keys: string[]): Promise<unknown> =>
      Promise.all([...new Set(keys)].map(async (k) => void listings.set(k, await this.listing(k))));
    const imageAsks = new Map(
      needs.flatMap((n) => n.images.map((i) => [imageKey(n.platform, i.reference), [n.platform, i.reference]] as const)),
    );
    await Promise.all([
      fetchListings(needs.flatMap((n) => n.wheels.flatMap((w) => w.indexes.map((i) => listingKey(i, w.project))))),
      ...[...imageAsks].map(async ([key, [platform, ref]]) => void images.set(key, await this.image(platform, ref))),
    ]);
    const answersFor = (platform: Platform): Answers => ({
      listing: (k) => listings.get(k),
      image: (r) => images.get(imageKey(platform, r)),
    });
    // Only for what is missing: the other indexes that may have it, for the hint.
    await fetchListings(
      needs.flatMap((n) =>
        n.wheels
          .filter((w) => w.alternatives.length && wheelOutcome(w, n.target, answersFor(n.platform)).missing)
          .flatMap((w) => w.alternatives.map((a) => listingKey(a, w.project))),
      ),
    );
    return entries.map((entry) => {
      const mine = needs.filter((n) => n.entry === entry);
      const verdict = joinPlatforms(mine.map((n) => ({ platform: n.platform, verdict: judge(n, answersFor(n.platform)) })));
      if (!this.verdicts.has(verdict.key)) this.order.push(verdict.key);
      this.verdicts.set(verdict.key, verdict);
      return verdict;
    });
  }

  /**
   * What the build already asked of a registry (its base-image lookup), so that verify does not ask
   * again: a found base is not looked up twice (nor its image index read, a pull on Docker Hub).
   */
  know(reference: string, answer: ImageAnswer): void {
    // The lookup asks for the tag, not for a platform: it stands for linux/amd64, as it always did.
    this.images.set(imageKey('linux/amd64', reference), Promise.resolve(answer));
  }

  /** What was verified so far, in the order it was asked for. */
  report(): VerifyReport {
    return {
      verdicts: this.order.map((k) => this.verdicts.get(k) as EntryVerdict),
      requests: { indexes: this.indexes.requests, registries: this.registry.requests },
      seconds: (Date.now() - this.started) / 1000,
    };
  }

  private listing(key: string): Promise<ListingAnswer> {
    let got = this.listings.get(key);
    if (!got) this.listings.set(key, (got = this.indexes.listing(key)));
    return got;
  }

  private image(platform: Platform, reference: string): Promise<ImageAnswer> {
    const key = imageKey(platform, reference);
    let got = this.images.get(key);
    if (!got) this.images.set(key, (got = checkImage(reference, this.registry, { os: 'linux', architecture: architectureOf(platform) })));
    return got;
  }
}

/**
 * One verdict per entry: its platforms' verdicts joined, each finding naming its platform (an entry
 * built for linux/amd64 alone reads as it always did).
 */
export function joinPlatforms(parts: { platform: Platform; verdict: EntryVerdict }[]): EntryVerdict {
  const [first] = parts;
  if (!first) throw new Error('an entry has no platforms');
  if (parts.length === 1 && first.platform === 'linux/amd64') return first.verdict;
  const named = (p: Platform, list: string[]): string[] => list.map((m) => `${p}: ${m}`);
  const missing = parts.flatMap((p) => named(p.platform, p.verdict.missing));
  const warnings = parts.flatMap((p) => named(p.platform, p.verdict.warnings));
  const statuses = parts.map((p) => p.verdict.status);
  const status = statuses.includes('missing') ? 'missing' : statuses.every((s) => s === 'ok') ? 'ok' : 'unchecked';
  const sum = (f: (v: EntryVerdict) => number): number => parts.reduce((t, p) => t + f(p.verdict), 0);
  return { ...first.verdict, status, missing, warnings, checked: sum((v) => v.checked), confirmed: sum((v) => v.confirmed) };
}
