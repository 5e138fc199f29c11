// A child process that reads one layer with the real reader (effects/oci.ts readLayer: digest,
// decompression, the bounded tar parser) and prints what came of it as one JSON line. The tests
// run hostile layers through it with a timeout, so a reader that hung would fail the test
// instead of hanging the suite. Bundled by test/layer-reader.test.ts with ncc.
//   node harness.js FILE MEDIA_TYPE [LIMITS_JSON] [inventory]   one layer from a file
//   node harness.js --endless                                   an entry that never ends, until SIGTERM
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { readLayer } from '../../src/effects/oci.js';
import { inventorySelect } from '../../src/repro/inventory.js';
import type { TarLimits } from '../../src/repro/tar.js';

async function main(): Promise<void> {
  const [file = '', mediaType = 'application/vnd.oci.image.layer.v1.tar', limits = '{}', mode = ''] = process.argv.slice(2);
  // As the action does: SIGTERM aborts the run, it does not kill the process.
  const abort = new AbortController();
  process.once('SIGTERM', () => abort.abort());
  if (file === '--endless') {
    const header = Buffer.alloc(512);
    header.write('endless', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write('77777777777\0', 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\x0000', 257);
    header.write(
      `${header
        .reduce((s, b) => s + b, 0)
        .toString(8)
        .padStart(6, '0')}\0 `,
      148,
    );
    const zeros = Buffer.alloc(64 * 1024);
    const endless = Readable.from(
      (function* () {
        yield header;
        for (;;) yield zeros;
      })(),
    );
    process.stderr.write('reading\n');
    await readLayer(() => endless, { digest: 'none:', size: 0, mediaType }, 'layer 0 of an endless stream', { signal: abort.signal });
    return;
  }
  const digest = `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  const entries = await readLayer(
    () => createReadStream(file),
    { digest: process.env.LAYER_DIGEST ?? digest, size: 0, mediaType },
    'layer 0 of the test image',
    {
      limits: JSON.parse(limits) as Partial<TarLimits>,
      signal: abort.signal,
      ...(mode === 'inventory' ? { select: inventorySelect } : {}),
    },
  );
  process.stdout.write(`${JSON.stringify({ entries: entries.map((e) => ({ ...e, content: e.content?.toString('utf8') })) })}\n`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stdout.write(`${JSON.stringify({ error: err.message })}\n`);
    process.exit(1);
  },
);
