// A small floating panel next to a point in the text; Escape or a click elsewhere closes it.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

type Props = {
  /** Where it points: the selection's or the mention's box on screen. */
  anchor: { left: number; top: number; bottom: number };
  label: string;
  onClose: () => void;
  children: ReactNode;
};

export function Popover({ anchor, label, onClose, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: anchor.left, top: anchor.bottom + 6 });

  useLayoutEffect(() => {
    const box = ref.current!.getBoundingClientRect();
    // Below the text if it fits, else above; never past the window's right edge.
    const below = anchor.bottom + 6;
    const top = below + box.height > window.innerHeight - 8 ? Math.max(8, anchor.top - box.height - 6) : below;
    const left = Math.max(8, Math.min(anchor.left, window.innerWidth - box.width - 8));
    setPosition({ left, top });
  }, [anchor.left, anchor.top, anchor.bottom]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    // Capture: the reader's own handlers must not see the click that closes us.
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [onClose]);

  return (
    <div
      ref={ref}
      className="popover"
      role="dialog"
      aria-label={label}
      style={{ left: position.left, top: position.top }}
    >
      {children}
    </div>
  );
}
