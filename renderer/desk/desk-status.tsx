// The desk in the status bar: synced how long ago, offline, conflicts, or a sync running; it opens the Desk panel.
import { deskLabel } from './desk-format.ts';
import { DeskPanel } from './desk-panel.tsx';
import { useDesk } from './use-desk.ts';

type Props = {
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  /** A sync brought documents in, or a conflict was resolved: the list and the open article read again. */
  onChanged: () => void;
  onError: (error: unknown) => void;
};

export function DeskStatusItem({ open, onOpen, onClose, onChanged, onError }: Props) {
  const desk = useDesk(onError, open, onChanged);
  const status = desk.status;
  const failed = !!status?.joined && !!status.offline && !desk.syncing;
  const conflicted = !!status?.joined && status.conflicts > 0;
  return (
    <>
      <button
        type="button"
        className={`link-button desk-button${failed ? ' failed' : conflicted ? ' conflicted' : ''}`}
        data-testid="desk-status"
        title={status?.offline ?? (status?.joined ? `On the desk at ${status.url}` : 'Join a team desk')}
        aria-busy={desk.syncing}
        onClick={onOpen}
      >
        {status ? deskLabel(status, desk.syncing) : 'Desk'}
      </button>
      {open && <DeskPanel desk={desk} onClose={onClose} />}
    </>
  );
}
