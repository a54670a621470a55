// How entity types read and look in the UI: one table for labels, short labels and colour classes.
import type { EntityType } from '../../core/model.ts';

export const ENTITY_TYPES: { type: EntityType; label: string; short: string }[] = [
  { type: 'person', label: 'Person', short: 'PER' },
  { type: 'organization', label: 'Organization', short: 'ORG' },
  { type: 'group', label: 'Armed or political group', short: 'GRP' },
  { type: 'location', label: 'Place', short: 'LOC' },
  { type: 'event', label: 'Event', short: 'EVT' },
  { type: 'other', label: 'Other', short: 'OTH' },
];

const byType = new Map(ENTITY_TYPES.map((t) => [t.type, t]));

export function typeLabel(type: EntityType): string {
  return byType.get(type)?.label ?? type;
}

/** A small coloured badge with the type's short name; the colour comes from `type-<type>` in styles.css. */
export function TypeBadge({ type }: { type: EntityType }) {
  return (
    <span className={`type-badge type-${type}`} title={typeLabel(type)}>
      {byType.get(type)?.short ?? type}
    </span>
  );
}

/** The `<option>`s of a type `<select>`. */
export function TypeOptions() {
  return ENTITY_TYPES.map((t) => (
    <option key={t.type} value={t.type}>
      {t.label}
    </option>
  ));
}
