import { describe, expect, it } from 'vitest';
import { DISK_PER_COMPRESSED_BYTE, DiskGate, diskNeed, type DiskSlot } from '../src/image/disk.js';
import type { MatrixEntry } from '../src/frameworks/index.js';
import { plan } from './helpers.js';

// The disk gate's decisions, with free space given as numbers (the e2e test measures a real tmpfs).

const GiB = 2 ** 30;
const entry = plan('torch: 2.8.0').include[0] as MatrixEntry;
const released = (slot: DiskSlot): { release(): void; waited: boolean } => {
  if ('error' in slot) throw new Error(slot.error);
  return slot;
};

describe('disk gate', () => {
  it('counts the base layers four times: the compressed blob and the unpacked snapshot, about three times larger', () => {
    expect(DISK_PER_COMPRESSED_BYTE).toBe(4);
    expect(diskNeed(2 * GiB)).toBe(8 * GiB);
  });

  it('starts what fits, makes the next wait until one ends, and measures free space again then', async () => {
    let free = 10 * GiB;
    const gate = new DiskGate({ where: '/var/lib/docker', free: async () => free });
    const said: string[] = [];
    const first = released(await gate.acquire(entry, 6 * GiB, (l) => said.push(l)));
    let second: DiskSlot | undefined;
    const waiting = gate.acquire(entry, 6 * GiB, (l) => said.push(l)).then((s) => (second = s));
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBeUndefined();
    expect(said).toEqual([
      'waits for disk: needs at least 6.00 GiB, /var/lib/docker has 10.00 GiB free and 1 build(s) running may take 6.00 GiB',
    ]);
    // the first build left 3 GiB of layers behind: 7 GiB free still fits the second
    free = 7 * GiB;
    first.release();
    await waiting;
    expect(released(second!).waited).toBe(true);
  });

  it('fails an entry that does not fit with nothing running, with the numbers and what to do', async () => {
    const gate = new DiskGate({ where: '/var/lib/docker', free: async () => 5 * GiB });
    const slot = await gate.acquire(entry, 8 * GiB, () => {});
    expect('error' in slot && slot.error).toMatch(
      /^not built: it needs at least 8\.00 GiB of disk .* and \/var\/lib\/docker has 5\.00 GiB free\. Free space first \(the reusable/,
    );
  });

  it('fails a waiting entry when the builds it waited for end and it still does not fit', async () => {
    let free = 10 * GiB;
    const gate = new DiskGate({ where: '/d', free: async () => free });
    const first = released(await gate.acquire(entry, 6 * GiB, () => {}));
    const waiting = gate.acquire(entry, 6 * GiB, () => {});
    await new Promise((r) => setTimeout(r, 20));
    free = 4 * GiB;
    first.release();
    const slot = await waiting;
    expect('error' in slot && slot.error).toMatch(/needs at least 6\.00 GiB .* \/d has 4\.00 GiB free/);
  });
});
