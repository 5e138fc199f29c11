import type { ReleaseData } from '../frameworks/index.js';

/**
 * The shape of the release data (src/data/*.json) and of a user's compat-file, which uses the
 * same sections, each optional. The CUDA sections are shared; each framework owns its own
 * (declared in src/frameworks/<name>.ts; the whole is ReleaseData in src/frameworks/index.ts).
 */

export type Provenance = 'read' | 'third-party' | 'inferred';
export const PROVENANCES: readonly Provenance[] = ['read', 'third-party', 'inferred'];

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
    /** the platforms each tag's index holds: ["linux/amd64", "linux/arm64"]; linux/amd64 alone when absent */
    platforms?: string[];
  };
  provenance?: { minDriver?: Provenance; image?: Provenance; platforms?: Provenance };
  notes?: string[];
}

/** What every framework shares: CUDA releases with their images and drivers, the CPU base. */
export interface CudaData {
  cuda: CudaRelease[];
  /** the plain Ubuntu base of CPU entries: its versions, and the platforms its index holds (linux/amd64 alone when absent) */
  cpuImage: { ubuntu: string[]; platforms?: string[] };
  cudaMajors: { major: string; minorCompatDriver: string }[];
}

/** Something the data leaves out on purpose: a request for it says why. */
export interface LeftOut {
  /** the spec key ("tensorflow") or package it concerns */
  key: string;
  /** minors or exact versions ("2.22", "0.10.1"); none for the whole package */
  versions?: string[];
  why: string;
}

/** Descriptive fields any data file may carry. */
export interface DataNotes {
  about?: string;
  snapshot?: string;
  sources?: string[];
  provenanceLegend?: Record<string, string>;
  leftOut?: LeftOut[];
}

/** A compat-file: the same schema, each section optional; it extends or replaces the bundled data. */
export type CompatOverride = Partial<Omit<ReleaseData, 'schemaVersion'>> & { schemaVersion: 1 };
