// `newsdesk tag FILE...`: entity suggestions for plain-text files, with the archive's registry when one is named.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertTextual, decodeText } from './capture/decode.ts';
import { EntityIndex } from './entities/registry-ops.ts';
import { ArchiveError, describeIssues, toErrorBody } from './errors.ts';
import { IsoDate, Registry } from './model.ts';
import { REGISTRY_FILE } from './store/registry-file.ts';
import { suggestEntities, type GazetteerEntry } from './tagging/suggest-entities.ts';

export type TagOptions = { json: boolean; dataDir?: string; publishedAt?: string };

/** One result per file (a JSON line each with --json); exit 1 if any file could not be read. */
export async function runTag(files: string[], options: TagOptions): Promise<number> {
  if (options.publishedAt !== undefined && !IsoDate.safeParse(options.publishedAt).success)
    throw new ArchiveError(
      'invalid',
      `--published must be an ISO date such as 2024-11-29, not "${options.publishedAt}"`,
    );
  const registry = options.dataDir ? await readRegistry(options.dataDir) : [];
  const index = new EntityIndex(registry);
  let failures = 0;
  for (const file of files) {
    let text: string;
    try {
      const bytes = await readFile(file);
      assertTextual(bytes, file);
      text = decodeText(bytes).text;
    } catch (error) {
      failures++;
      const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : toErrorBody(error).message;
      if (options.json) console.log(JSON.stringify({ file, entities: [], error: message }));
      else console.error(`newsdesk: ${file}: ${message}`);
      continue;
    }
    const result = suggestEntities(text, { registry, publishedAt: options.publishedAt ?? null });
    const entities = result.entities.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      type: s.type,
      // A suggestion named like a registry entity of a fitting type is that entity.
      entityId: s.entityId ?? index.named(s.name, s.type)[0]?.id ?? null,
      name: s.name,
      status: 'suggested' as const,
      source: s.source,
      confidence: s.confidence,
    }));
    if (options.json) console.log(JSON.stringify({ file, entities, dates: result.dates }));
    else {
      console.log(`${file}: ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}`);
      for (const e of entities)
        console.log(
          `  ${String(e.start).padStart(6)}-${String(e.end).padEnd(6)} ${e.type.padEnd(12)} ${e.text}${e.name !== e.text ? `  → ${e.name}` : ''}`,
        );
      for (const d of result.dates)
        console.log(`  ${String(d.start).padStart(6)}-${String(d.end).padEnd(6)} date         ${d.text}  → ${d.date}`);
    }
  }
  return failures ? 1 : 0;
}

/**
 * The registry, read without taking the folder's lock: tagging only reads it, and the desktop app may
 * well have the archive open.
 */
async function readRegistry(dataDir: string): Promise<GazetteerEntry[]> {
  const file = join(dataDir, REGISTRY_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ArchiveError('not_found', `There is no archive in ${dataDir} (no ${REGISTRY_FILE}).`);
    throw new ArchiveError('invalid', `${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = Registry.safeParse(json);
  if (!parsed.success)
    throw new ArchiveError('invalid', `${file} is not a valid Newsdesk registry: ${describeIssues(parsed.error)}`);
  return parsed.data.entities.map(({ id, name, type, aliases }) => ({ id, name, type, aliases }));
}
