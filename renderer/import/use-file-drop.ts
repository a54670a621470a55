// Files dropped anywhere on the window: shows the overlay while dragging and hands the (walked) files over on drop.
import { useEffect, useRef, useState } from 'react';
import { carriesFiles, droppedFiles, type PickedFile } from './read-files.ts';

/**
 * Returns whether files are being dragged over the window. `accept` decides per drop: false while a
 * dialog that is not about importing is open. Every file drag is stopped from reaching the browser
 * either way, which would otherwise open the dropped page itself (scripts and all) in the window.
 */
export function useFileDrop(options: {
  onFiles: (files: PickedFile[]) => void;
  onError: (error: unknown) => void;
  accept: boolean;
}): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    // dragenter and dragleave fire for every child crossed; the window is left when they balance.
    let depth = 0;
    function onDragEnter(event: DragEvent): void {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth++;
      if (latest.current.accept) setDragging(true);
    }
    function onDragOver(event: DragEvent): void {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = latest.current.accept ? 'copy' : 'none';
    }
    function onDragLeave(event: DragEvent): void {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function onDrop(event: DragEvent): void {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (!latest.current.accept) return;
      // Read the entries now: the DataTransfer is emptied as soon as this handler returns.
      const walking = droppedFiles(event.dataTransfer!);
      walking.then(
        (files) => latest.current.onFiles(files),
        (error: unknown) => latest.current.onError(error),
      );
    }
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
