import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A package index for the customisation tests: real wheels, built in a container by Python's
 * zipfile (no network, no build backend needed), served as a PEP 503 simple index on
 * 127.0.0.1, which BuildKit's RUN steps reach over the host network.
 */

export interface WheelSpec {
  name: string;
  version: string;
  requires?: string[];
}

export interface PipIndex {
  url: string;
  /** sha256 of each wheel file, by "name==version" */
  hashes: Map<string, string>;
  /** paths asked for, to show the build really used this index */
  requests: string[];
  /** requests refused for want of the right credentials (with auth) */
  refused: string[];
  close(): Promise<void>;
}

const MAKE_WHEELS = `
import base64, hashlib, json, os, sys, zipfile
specs = json.loads(sys.argv[1])
for spec in specs:
    name, version = spec["name"], spec["version"]
    dist = name.replace("-", "_")
    requires = "".join("Requires-Dist: %s\\n" % r for r in spec.get("requires", []))
    files = {
        "%s/__init__.py" % dist: '__version__ = "%s"\\n' % version,
        "%s-%s.dist-info/METADATA" % (dist, version): "Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\n%s" % (name, version, requires),
        "%s-%s.dist-info/WHEEL" % (dist, version):
            "Wheel-Version: 1.0\\nGenerator: gim-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
    }
    record = []
    with zipfile.ZipFile("/out/%s-%s-py3-none-any.whl" % (dist, version), "w") as z:
        for n, text in files.items():
            data = text.encode()
            z.writestr(zipfile.ZipInfo(n, (2020, 1, 1, 0, 0, 0)), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append("%s,sha256=%s,%d" % (n, digest, len(data)))
        record.append("%s-%s.dist-info/RECORD,," % (dist, version))
        z.writestr(zipfile.ZipInfo("%s-%s.dist-info/RECORD" % (dist, version), (2020, 1, 1, 0, 0, 0)), "\\n".join(record) + "\\n")
`;

/** Build the wheels with `python3` in `image`, into `dir`. */
export function buildWheels(dir: string, specs: WheelSpec[], image: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'make_wheels.py'), MAKE_WHEELS);
  execFileSync(
    'docker',
    [
      'run',
      '--rm',
      '--user',
      `${process.getuid?.() ?? 0}`,
      '-v',
      `${dir}:/out`,
      '--entrypoint',
      'python3',
      image,
      '/out/make_wheels.py',
      JSON.stringify(specs),
    ],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
}

/**
 * With `auth`, every request needs HTTP basic credentials (a private index, as Artifactory or devpi
 * serve one): a 401 with a challenge otherwise, which pip and uv answer from a netrc file.
 */
export async function servePipIndex(dir: string, auth?: { user: string; password: string }): Promise<PipIndex> {
  const wheels = readdirSync(dir).filter((f) => f.endsWith('.whl'));
  const hashes = new Map<string, string>();
  const byProject = new Map<string, string[]>();
  for (const file of wheels) {
    const [dist, version] = file.split('-') as [string, string];
    const project = dist.replace(/_/g, '-').toLowerCase();
    const sha = createHash('sha256')
      .update(readFileSync(path.join(dir, file)))
      .digest('hex');
    hashes.set(`${project}==${version}`, sha);
    byProject.set(project, [...(byProject.get(project) ?? []), `<a href="/packages/${file}#sha256=${sha}">${file}</a>`]);
  }
  const requests: string[] = [];
  const refused: string[] = [];
  const expected = auth ? `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` : null;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (expected && req.headers.authorization !== expected) {
      refused.push(url);
      return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="gim-test"' }).end('credentials required');
    }
    requests.push(url);
    const simple = /^\/simple\/([^/]+)\/?$/.exec(url);
    if (simple) {
      const links = byProject.get((simple[1] as string).toLowerCase());
      if (!links) return void res.writeHead(404).end('not found');
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(`<!DOCTYPE html><html><body>\n${links.join('<br>\n')}\n</body></html>\n`);
    }
    const pkg = /^\/packages\/([^/]+\.whl)$/.exec(url);
    if (pkg && wheels.includes(pkg[1] as string)) {
      return void res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(readFileSync(path.join(dir, pkg[1] as string)));
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/simple`,
    hashes,
    requests,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
