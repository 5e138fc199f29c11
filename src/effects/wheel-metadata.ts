import { inflateRawSync } from 'node:zlib';
import type { IndexFile } from '../verify/index-page.js';
import {
  MAX_METADATA_BYTES,
  ZipError,
  centralDirectory,
  localDataStart,
  metadataEntry,
  parseMetadata,
  type WheelMetadata,
} from '../refresh/wheel-metadata.js';
import type { PackageIndexClient } from './package-index.js';

/**
 * A wheel's METADATA, never the whole wheel: the `.metadata` file PEP 658 puts beside it where
 * the index says it has one, else three HTTP range reads of the wheel (its tail, its central
 * directory when the tail does not hold it, the METADATA entry), as pip and uv do.
 */
export async function readWheelMetadata(file: IndexFile, client: PackageIndexClient): Promise<WheelMetadata> {
  if (file.metadata) {
    const { body } = await client.bytes(`${file.url}.metadata`);
    if (body.length > MAX_METADATA_BYTES) throw new ZipError(`${file.filename}.metadata is larger than ${MAX_METADATA_BYTES} bytes`);
    return parseMetadata(body.toString('utf8'));
  }
  // The end record is 22 bytes plus a comment of at most 65535.
  const tail = await client.bytes(file.url, `bytes=-${22 + 65535 + 20}`);
  if (tail.total === null) throw new ZipError(`${file.url} answered a range request without the file's length`);
  const size = tail.total;
  const tailStart = tail.status === 206 ? size - tail.body.length : 0;
  const cd = centralDirectory(tail.body, tailStart, size);
  const dir =
    cd.offset >= tailStart
      ? tail.body.subarray(cd.offset - tailStart, cd.offset - tailStart + cd.size)
      : (await client.bytes(file.url, `bytes=${cd.offset}-${cd.offset + cd.size - 1}`)).body;
  const entry = metadataEntry(dir, size);
  // The local header's name and extra field come before the data; 1 KiB more covers them in one read.
  const first = await client.bytes(
    file.url,
    `bytes=${entry.localHeaderOffset}-${Math.min(size, entry.localHeaderOffset + 30 + 1024 + entry.compressedSize) - 1}`,
  );
  const start = localDataStart(first.body);
  const data =
    start + entry.compressedSize <= first.body.length
      ? first.body.subarray(start, start + entry.compressedSize)
      : (
          await client.bytes(
            file.url,
            `bytes=${entry.localHeaderOffset + start}-${entry.localHeaderOffset + start + entry.compressedSize - 1}`,
          )
        ).body;
  const text = entry.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_METADATA_BYTES }) : data;
  return parseMetadata(text.toString('utf8'));
}

/** A wheel whose METADATA is cheapest to read: one with a .metadata file beside it, else any. */
export function pickFile(files: IndexFile[] | undefined): IndexFile | undefined {
  return files?.find((f) => f.metadata && !f.yanked) ?? files?.find((f) => !f.yanked) ?? files?.[0];
}
