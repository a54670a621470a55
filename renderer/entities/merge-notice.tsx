// The status bar's word after two entities were merged, with an Undo that puts the merged one back.
import type { MergeRecord } from '../../core/model.ts';
import { archive } from '../api.ts';
import type { Notice } from '../components/status-bar.tsx';

type Options = {
  notify: (notice: Notice) => void;
  /** The registry changed outside its view: it loads again. */
  onUndone: () => void;
  onError: (error: unknown) => void;
};

export function mergeNotice(record: MergeRecord, { notify, onUndone, onError }: Options): Notice {
  return {
    kind: 'info',
    text: (
      <>
        Merged “<bdi>{record.merged.name}</bdi>” into this entity.
      </>
    ),
    action: {
      label: 'Undo',
      run: () =>
        void archive.undoMerge(record.id).then(() => {
          notify({ kind: 'info', text: `Undid the merge: “${record.merged.name}” is back.` });
          onUndone();
        }, onError),
    },
  };
}
