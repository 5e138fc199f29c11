/**
 * The shape of the release data (src/data/compat.json) and of a user's
 * compat-file, which uses the same schema with every section optional.
 */

export type Provenance = 'read' | 'third-party' | 'inferred';
export const PROVENANCES: readonly Provenance[] = ['read', 'third-party', 'inferred'];

export type ReleaseStatus = 'stable' | 'rc';
export const RELEASE_STATUSES: readonly ReleaseStatus[] = ['stable', 'rc'];

export interface TorchPatch {
  torch: string;
  /** null where no torchvision was released for this torch */
  torchvision: string | null;
  torchaudio: string | null;
  provenance?: { torchvision?: Provenance; torchaudio?: Provenance };
}

export interface TorchRelease {
  /** "2.4" */
  minor: string;
  status: ReleaseStatus;
  python: {
    /** Python minors with full support, ascending: ["3.8", ..., "3.12"] */
    supported: string[];
    /** Python minors the release builds experimentally */
    experimental: string[];
  };
  cuda: {
    /** wheel variants on download.pytorch.org: ["cu118", "cu121", "cu124"] */
    variants: string[];
    /** what plain `pip install torch` gets on Linux x86_64 */
    pypiDefault: string;
    /** cuDNN the wheels of each variant use: {"cu124": "9.1.0.70"} */
    cudnn: Record<string, string>;
  };
  patches: TorchPatch[];
  provenance?: { python?: Provenance; cuda?: Provenance; pypiDefault?: Provenance };
  notes?: string[];
}

export interface CudaRelease {
  /** "12.4" */
  version: string;
  /** the point release NVIDIA keeps images for: "12.4.1" */
  release: string;
  /** minimum Linux driver for this toolkit release */
  minDriver: string;
  image: {
    /** Ubuntu versions nvidia/cuda publishes runtime/devel cuDNN images for: ["20.04", "22.04"] */
    ubuntu: string[];
    /** the cuDNN token in the tag: "cudnn8", "cudnn9" or "cudnn" */
    cudnnToken: string;
  };
  provenance?: { minDriver?: Provenance; image?: Provenance };
  notes?: string[];
}

export interface CompatData {
  schemaVersion: 1;
  torch: TorchRelease[];
  cuda: CudaRelease[];
  cpuImage: { ubuntu: string[] };
  indexUrls: { stable: string; rc: string };
  cudaMajors: { major: string; minorCompatDriver: string }[];
  about?: string;
  snapshot?: string;
  sources?: string[];
  provenanceLegend?: Record<string, string>;
}

/** A compat-file: the same schema, each section optional; it extends or replaces the bundled data. */
export type CompatOverride = Partial<Omit<CompatData, 'schemaVersion'>> & { schemaVersion: 1 };
