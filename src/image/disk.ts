import type { MatrixEntry } from '../frameworks/index.js';
import { formatSize } from '../report/format.js';

/**
 * Disk for builds: what an entry needs at least, and a gate that starts a build only when that fits
 * beside the builds already running. Pure: free space is measured by a function the effects layer
 * gives (statfs of the builder's data folder).
 *
 * The need is a floor, not a forecast: the base image's compressed layers, times DISK_PER_COMPRESSED_BYTE.
 * BuildKit keeps each pulled layer twice, the compressed blob in its content store and the unpacked
 * snapshot, and a layer of shared libraries unpacks to about three times its gzip size (1.1 GB of
 * Debian's torch libraries compressed to 368 MiB here, BENCHMARKS.md "Layer compression"). What the
 * framework's wheels add is not known before they are installed (the indexes list no sizes), so an
 * entry that passes may still run out; one that fails cannot fit.
 */
export const DISK_PER_COMPRESSED_BYTE = 4;

/** The floor for an entry whose base layers (summed over the platforms it builds) are `compressed` bytes. */
export function diskNeed(compressed: number): number {
  return compressed * DISK_PER_COMPRESSED_BYTE;
}

/** Why an entry cannot be built here, with the numbers and what to do. */
export function cannotFit(entry: MatrixEntry, need: number, free: number, where: string): string {
  return (
    `not built: it needs at least ${formatSize(need)} of disk (its base image's layers, pulled and unpacked) and ${where} has ` +
    `${formatSize(free)} free. Free space first (the reusable workflow's free-disk-space, docker builder prune, docker image prune), ` +
    `build it on a runner with a larger disk, or start it from a smaller base image`
  );
}

/** What the gate needs from the effects layer. */
export interface DiskProbe {
  /** where the builder keeps its data, for messages ("/var/lib/docker") */
  where: string;
  /** bytes free there now */
  free(): Promise<number>;
}

export type DiskSlot = { release(): void; waited: boolean } | { error: string };

/**
 * Starts builds while their needs fit: a build whose need does not fit beside those running waits
 * for one of them to end (parallel lowers itself); one that does not fit with none running fails
 * before it starts. Free space is measured at each decision (finished builds leave their layers in
 * the builder's cache), and the needs of running builds count as not yet written.
 */
export class DiskGate {
  private readonly running = new Map<symbol, number>();
  private waiting: (() => void)[] = [];

  constructor(private readonly probe: DiskProbe) {}

  async acquire(entry: MatrixEntry, need: number, say: (line: string) => void): Promise<DiskSlot> {
    let waited = false;
    for (;;) {
      const free = await this.probe.free();
      const held = [...this.running.values()].reduce((a, b) => a + b, 0);
      if (need <= free - held) {
        const id = Symbol(entry.key);
        this.running.set(id, need);
        return { release: () => this.release(id), waited };
      }
      if (this.running.size === 0) return { error: cannotFit(entry, need, free, this.probe.where) };
      if (!waited) {
        say(
          `waits for disk: needs at least ${formatSize(need)}, ${this.probe.where} has ${formatSize(free)} free and ` +
            `${this.running.size} build(s) running may take ${formatSize(held)}`,
        );
      }
      waited = true;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(id: symbol): void {
    if (!this.running.delete(id)) return;
    const wake = this.waiting;
    this.waiting = [];
    for (const resolve of wake) resolve();
  }
}
