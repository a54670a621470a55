// The draggable divider between the list and the reader; arrow keys move it too, and the width is remembered.
import { useState, type KeyboardEvent, type PointerEvent } from 'react';

const KEY = 'newsdesk.listFraction';
const MIN = 0.25;
const MAX = 0.7;
const clamp = (value: number): number => Math.min(MAX, Math.max(MIN, value));

/** Storage can be refused (an opaque origin, a locked-down profile): then the width is simply not remembered. */
function readSaved(): number {
  try {
    return Number(localStorage.getItem(KEY));
  } catch {
    return 0;
  }
}

function save(value: number): void {
  try {
    localStorage.setItem(KEY, String(value));
  } catch {
    // Not remembered; see readSaved.
  }
}

/** The list's share of the window width, restored from the last session. */
export function useListFraction(initial: number): [number, (value: number) => void] {
  const [fraction, setFraction] = useState(() => {
    const saved = readSaved();
    return saved ? clamp(saved) : initial;
  });
  return [
    fraction,
    (value) => {
      const next = clamp(value);
      setFraction(next);
      save(next);
    },
  ];
}

export function PaneSplitter({ fraction, onChange }: { fraction: number; onChange: (fraction: number) => void }) {
  const [dragging, setDragging] = useState(false);

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (!dragging) return;
    const container = event.currentTarget.parentElement!.getBoundingClientRect();
    onChange((event.clientX - container.left) / container.width);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step = event.key === 'ArrowLeft' ? -0.02 : event.key === 'ArrowRight' ? 0.02 : 0;
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(fraction + step);
  }

  return (
    <div
      className={`pane-splitter${dragging ? ' dragging' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the list"
      aria-valuemin={MIN * 100}
      aria-valuemax={MAX * 100}
      aria-valuenow={Math.round(fraction * 100)}
      tabIndex={0}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        setDragging(true);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={() => setDragging(false)}
      onPointerCancel={() => setDragging(false)}
      onKeyDown={onKeyDown}
    />
  );
}
