// Each attribution rule on invented sentences: cues, chains, inverted quotes, accusations, pronouns, hedges, kinds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityHint } from '../../core/attribution/claim-types.ts';
import { suggestClaims, type ClaimOptions } from '../../core/attribution/suggest-claims.ts';

/** Mentions at every occurrence of each name, as the tagger would give them. */
function hints(text: string, names: [string, EntityHint['type'], string?][]): EntityHint[] {
  const found: EntityHint[] = [];
  for (const [name, type, entityId] of names)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      found.push({ start: at, end: at + name.length, name, type, entityId: entityId ?? null });
  return found.sort((a, b) => a.start - b.start);
}
const claimsOf = (text: string, names: [string, EntityHint['type'], string?][] = [], options: ClaimOptions = {}) =>
  suggestClaims(text, { entities: hints(text, names), ...options });
const summary = (text: string, names: [string, EntityHint['type'], string?][] = [], options: ClaimOptions = {}) =>
  claimsOf(text, names, options).map((c) => [c.cue.text, c.claimant?.name ?? null, c.text]);

test('"according to X", with "cited by", "quoted by" and ", citing" building the chain, the outlet last', () => {
  const text = 'Nine people died in the flood, according to a local official cited by the Harbor Times.';
  const [claim] = claimsOf(text, [['Harbor Times', 'organization']], { outlet: 'Valley Post' });
  assert.deepEqual(
    [claim!.cue.text, claim!.claimant!.name, claim!.via, claim!.text],
    ['according to', 'a local official', ['Harbor Times', 'Valley Post'], 'Nine people died in the flood'],
  );
  const citing = claimsOf('According to the Harbor Times, citing two officers, the bridge was closed.', [
    ['Harbor Times', 'organization'],
  ]);
  assert.deepEqual(
    [citing[0]!.claimant!.name, citing[0]!.via, citing[0]!.text],
    ['two officers', ['Harbor Times'], 'the bridge was closed'],
  );
  const quoted = claimsOf('The dam held, according to an engineer quoted by Radio Lanz.', [
    ['Radio Lanz', 'organization'],
  ]);
  assert.deepEqual(quoted[0]!.via, ['Radio Lanz']);
});

test('"X said/claimed/reported/stated/warned ... (that)": the subject before the verb, the clause after it', () => {
  for (const verb of ['said', 'claimed', 'reported', 'stated', 'warned', 'emphasized', 'added', 'alleged', 'insisted'])
    assert.deepEqual(summary(`The mayor ${verb} that the water supply was safe.`), [
      [verb, 'The mayor', 'the water supply was safe'],
    ]);
  assert.deepEqual(summary('The mayor said on Tuesday the water supply was safe.'), [
    ['said', 'The mayor', 'the water supply was safe'],
  ]);
  assert.deepEqual(
    summary('Jon Arvik, a spokesman for the port, told reporters that ships would wait.', [['Jon Arvik', 'person']]),
    [['told', 'Jon Arvik', 'ships would wait']],
  );
});

test('"told Y": a named hearer joins the chain, a generic one does not', () => {
  const [named] = claimsOf('The envoy told Radio Lanz that talks would resume.', [['Radio Lanz', 'organization']]);
  assert.deepEqual(named!.via, ['Radio Lanz']);
  const [generic] = claimsOf('The envoy told reporters that talks would resume.');
  assert.deepEqual(generic!.via, []);
});

test('inverted quotes and clauses: "...," X said / "...", said X / ..., officials said', () => {
  assert.deepEqual(summary('“The road is closed,” the officer said.'), [
    ['said', 'the officer', '“The road is closed,”'],
  ]);
  assert.deepEqual(summary('"The road is closed", said Lena Ostrova.', [['Lena Ostrova', 'person']]), [
    ['said', 'Lena Ostrova', '"The road is closed"'],
  ]);
  assert.deepEqual(summary('The road was closed for a week, officials said.'), [
    ['said', 'officials', 'The road was closed for a week'],
  ]);
  // A quote of two sentences is one content.
  const [long] = claimsOf('“We waited. Nobody came,” said a resident.');
  assert.equal(long!.text, '“We waited. Nobody came,”');
});

test('"X accused Y of Z": target Y, content Z; "X denied ..." and "rejected claims" are denials', () => {
  const [accused] = claimsOf('The ministry accused the Red Hand group of planting the mines.', [['Red Hand', 'group']]);
  assert.deepEqual(
    [accused!.claimant!.name, accused!.target!.text, accused!.text, accused!.kind],
    ['The ministry', 'the Red Hand group', 'planting the mines', 'accusation'],
  );
  const [blamed] = claimsOf('Officials blamed the rebels for the blackout.');
  assert.deepEqual([blamed!.target!.text, blamed!.kind], ['the rebels', 'accusation']);
  const [denied] = claimsOf('The army denied that its jets had struck the camp.');
  assert.deepEqual([denied!.kind, denied!.text], ['denial', 'its jets had struck the camp']);
  const [rejected] = claimsOf('The company rejected claims that it had paid the militia.');
  assert.equal(rejected!.kind, 'denial');
});

test('a subject carries to a second cue after "and" and to ", adding"', () => {
  const claims = claimsOf('Norland has accused its neighbour of spying and said it would expel two diplomats.', [
    ['Norland', 'location'],
  ]);
  assert.deepEqual(
    claims.map((c) => [c.cue.text, c.claimant?.name, c.kind]),
    [
      ['accused', 'Norland', 'accusation'],
      ['said', 'Norland', 'statement'],
    ],
  );
  const adding = claimsOf('The governor said the roads were open, adding that schools would reopen on Monday.');
  assert.deepEqual(
    adding.map((c) => [c.cue.text, c.claimant?.name, c.text]),
    [
      ['said', 'The governor', 'the roads were open'],
      ['adding', 'The governor', 'schools would reopen on Monday'],
    ],
  );
});

test('pronouns and "the official" resolve to the nearest fitting earlier party', () => {
  const text =
    'Anna Brel, the regional coordinator, visited the camp. She said the wells were dry. ' +
    'The Green Crescent Society sent trucks. It said more would follow. ' +
    'A border official spoke to the press. The official said the crossing would stay shut.';
  const claims = claimsOf(text, [
    ['Anna Brel', 'person', 'ent_0000000000000ab'],
    ['Green Crescent Society', 'organization'],
  ]);
  assert.deepEqual(
    claims.map((c) => [c.claimant?.text, c.claimant?.name, c.claimant?.entityId]),
    [
      ['She', 'Anna Brel', 'ent_0000000000000ab'],
      ['It', 'Green Crescent Society', null],
      ['The official', 'Anna Brel', 'ent_0000000000000ab'],
    ],
  );
  // "the spokesperson" after a named spokesperson is that person.
  const spokes = claimsOf('Spokesperson Ivo Tam said the port was open. Later the spokesperson said it had closed.', [
    ['Ivo Tam', 'person'],
  ]);
  assert.deepEqual(
    spokes.map((c) => c.claimant?.name),
    ['Ivo Tam', 'Ivo Tam'],
  );
});

test('hedges: "reportedly", "allegedly", "is said to", "claim to have", "could not be independently verified"', () => {
  const hedgesOf = (text: string) => claimsOf(text).map((c) => [c.hedged, c.hedges.map((h) => h.text)]);
  assert.deepEqual(hedgesOf('Rebels have reportedly taken the airport.'), [[true, ['reportedly']]]);
  assert.deepEqual(hedgesOf('The commander is said to have fled the city.'), [[true, ['is said to']]]);
  assert.deepEqual(hedgesOf('The officers allegedly beat the prisoners, the lawyer said.'), [[true, ['allegedly']]]);
  const claimTo = claimsOf(
    'The rebels claim to have shot down a helicopter. The claim could not be independently verified.',
  );
  assert.equal(claimTo.length, 1);
  assert.equal(claimTo[0]!.claimant?.text, 'The rebels');
  assert.deepEqual(
    claimTo[0]!.hedges.map((h) => h.text),
    ['claim to have', 'could not be independently verified'],
  );
  assert.deepEqual(hedgesOf('Unconfirmed reports said the minister had resigned.'), [[true, ['Unconfirmed']]]);
  assert.deepEqual(hedgesOf('The minister said he had resigned.'), [[false, []]]);
});

test("the outlet's own newsworthy sentences are claims without a claimant; other sentences are not", () => {
  const text =
    'Troops launched an offensive on the northern front on Monday. The weather was mild. ' +
    'At least 12 people were killed in the blast. The town has a famous bridge.';
  const claims = claimsOf(text);
  assert.deepEqual(
    claims.map((c) => [c.claimant, c.cue.text, c.kind, c.text]),
    [
      [null, '', 'military-action', 'Troops launched an offensive on the northern front on Monday'],
      [null, '', 'casualties', 'At least 12 people were killed in the blast'],
    ],
  );
  assert.equal(claims[0]!.cue.start, claims[0]!.start);
});

test('kinds from the content: casualties, territorial control, attack, military action, statement', () => {
  const kind = (content: string) => claimsOf(`The spokesman said ${content}.`)[0]?.kind;
  assert.equal(kind('four soldiers were wounded in the ambush'), 'casualties');
  assert.equal(kind('the rebels had captured the airport'), 'territorial-control');
  assert.equal(kind('government forces took control of the bridge'), 'territorial-control');
  assert.equal(kind('drones attacked the depot overnight'), 'attack');
  assert.equal(kind('the army had deployed two brigades to the border'), 'military-action');
  assert.equal(kind('the talks would resume in March'), 'statement');
  assert.equal(claimsOf('The minister alleged that the rebels were smuggling fuel.')[0]?.kind, 'accusation');
});

test('figures inside the content are its quantities; an age is not a count', () => {
  const [claim] = claimsOf('Medics said at least 30 people, including children as young as six, were injured.');
  assert.deepEqual(
    claim!.quantities.map((q) => [q.text, q.value, q.qualifier, q.category, q.outcome]),
    [['at least 30 people', 30, 'at least', 'people', 'injured']],
  );
  for (const q of claim!.quantities) assert.ok(q.start >= claim!.start && q.end <= claim!.end);
});

test('transcripts and signed quotes: "NAME: ..." and "“...” ― NAME"', () => {
  const transcript = 'HOST: Will the dam hold?\nOKAFOR: The engineers say it will hold for now.';
  assert.deepEqual(
    summary(transcript)
      .filter(([cue]) => cue === ':')
      .map(([cue, who]) => [cue, who]),
    [
      [':', 'HOST'],
      [':', 'OKAFOR'],
    ],
  );
  const signed = claimsOf('“The river gave us everything and took it back.” ― Tomas Reyl', [['Tomas Reyl', 'person']]);
  assert.deepEqual([signed[0]!.cue.text, signed[0]!.claimant!.name], ['―', 'Tomas Reyl']);
});

test('words inside a quote are the speaker’s, not cues of their own', () => {
  const claims = claimsOf('“They said the army would come, and I believed it,” the farmer said.');
  assert.deepEqual(
    claims.map((c) => [c.cue.text, c.claimant?.text]),
    [['said', 'the farmer']],
  );
});
