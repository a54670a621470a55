// `newsdesk tag FILE...` and `newsdesk claims FILE...`: suggestions for plain-text files, with an archive's registry when one is named.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suggestClaims } from './attribution/suggest-claims.ts';
import { assertTextual, decodeText } from './capture/decode.ts';
import { detectLanguage } from './capture/language.ts';
import { EntityIndex } from './entities/registry-ops.ts';
import { ArchiveError, describeIssues, toErrorBody } from './errors.ts';
import { IsoDate, Registry } from './model.ts';
import { REGISTRY_FILE } from './store/registry-file.ts';
import { suggestEntities, type GazetteerEntry, type TaggingResult } from './tagging/suggest-entities.ts';
import { shortenText } from './common/clip-text.ts';

export type SuggestOptions = { json: boolean; dataDir?: string; publishedAt?: string; outlet?: string };

/** Entities and dates per file. */
export function runTag(files: string[], options: SuggestOptions): Promise<number> {
  return eachFile(files, options, 'entities', (text, tagged, index) => {
    const entities = tagged.entities.map((s) => ({
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
    const lines = [
      `${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}`,
      ...entities.map((e) => `${at(e)} ${e.type.padEnd(12)} ${e.text}${e.name !== e.text ? `  → ${e.name}` : ''}`),
      ...tagged.dates.map((d) => `${at(d)} date         ${d.text}  → ${d.date}`),
    ];
    return { json: { entities, dates: tagged.dates }, lines };
  });
}

/** Who claimed what, through whom, per file. */
export function runClaims(files: string[], options: SuggestOptions): Promise<number> {
  return eachFile(files, options, 'claims', (text, tagged, _index, language) => {
    const claims = suggestClaims(text, {
      entities: tagged.entities,
      language,
      outlet: options.outlet,
      publishedAt: options.publishedAt ?? null,
    }).map((c) => ({
      text: c.text,
      start: c.start,
      end: c.end,
      // The outlet's own statements have no cue word.
      cue: c.cue && c.cue.end > c.cue.start ? c.cue : null,
      claimant: c.claimant,
      via: c.via,
      target: c.target,
      kind: c.kind,
      hedged: c.hedged,
      hedges: c.hedges,
      quantities: c.quantities,
      confidence: c.confidence,
    }));
    const lines = [
      `${claims.length} claim${claims.length === 1 ? '' : 's'}`,
      ...claims.flatMap((c) => [
        `${at(c)} ${c.kind.padEnd(19)} ${[c.claimant?.name ?? '(the outlet)', ...c.via].join(' → ')}${c.hedged ? '  [hedged]' : ''}`,
        `                ${c.cue ? `${c.cue.text}: ` : ''}${shortenText(c.text, 160)}`,
        ...c.quantities.map((q) =>
          `                ${q.qualifier} ${q.value} ${q.category ?? ''} ${q.outcome ?? ''}`.trimEnd(),
        ),
      ]),
    ];
    return { json: { claims }, lines };
  });
}

type Analysis = { json: Record<string, unknown>; lines: string[] };

/** One result per file (a JSON line each with --json); exit 1 if any file could not be read. */
async function eachFile(
  files: string[],
  options: SuggestOptions,
  what: string,
  analyze: (text: string, tagged: TaggingResult, index: EntityIndex<GazetteerEntry>, language: string) => Analysis,
): Promise<number> {
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
      if (options.json) console.log(JSON.stringify({ file, [what]: [], error: message }));
      else console.error(`newsdesk: ${file}: ${message}`);
      continue;
    }
    // A file says nothing of its language: it is detected, as for a pasted article, to pick the rules.
    const language = detectLanguage(text);
    const tagged = suggestEntities(text, { registry, publishedAt: options.publishedAt ?? null, language });
    const { json, lines } = analyze(text, tagged, index, language);
    if (options.json) console.log(JSON.stringify({ file, ...json }));
    else console.log([`${file}: ${lines[0]}`, ...lines.slice(1).map((line) => `  ${line}`)].join('\n'));
  }
  return failures ? 1 : 0;
}

function at(span: { start: number; end: number }): string {
  return `${String(span.start).padStart(6)}-${String(span.end).padEnd(6)}`;
}

/**
 * The registry, read without taking the folder's lock: suggesting only reads it, and the desktop app
 * may well have the archive open.
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
