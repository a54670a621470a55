// Types for build-clipper.mjs, for the tests that build the clipper into a temporary folder.
export function buildClipper(outDir?: string): Promise<{ outDir: string; zipPath: string }>;
