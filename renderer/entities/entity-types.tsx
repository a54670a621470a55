// How entity types look in the UI: badges and options, from the shared labels (core/common/vocabulary.ts) and colour classes.
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '../../core/common/vocabulary.ts';

export function typeLabel(type: EntityType): string {
  return ENTITY_TYPE_LABELS[type]?.label ?? type;
}

/** A small coloured badge with the type's short name; the colour comes from `type-<type>` in styles.css. */
export function TypeBadge({ type }: { type: EntityType }) {
  return (
    <span className={`type-badge type-${type}`} title={typeLabel(type)}>
      {ENTITY_TYPE_LABELS[type]?.short ?? type}
    </span>
  );
}

/** The `<option>`s of a type `<select>`. */
export function TypeOptions() {
  return ENTITY_TYPES.map((type) => (
    <option key={type} value={type}>
      {ENTITY_TYPE_LABELS[type].label}
    </option>
  ));
}
