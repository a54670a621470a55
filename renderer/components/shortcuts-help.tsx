// The help overlay: every keyboard shortcut, from the same table the key handler uses.
import { INBOX_SHORTCUTS, SHORTCUTS } from '../shortcuts.ts';
import { ModalDialog } from './modal-dialog.tsx';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} className="help-dialog" closeOnBackdrop>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <th scope="row">
                {shortcut.label.split(' / ').map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="key-or"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="help-subhead">In the inbox</h3>
      <table className="shortcut-table">
        <tbody>
          {INBOX_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.label}>
              <th scope="row">
                {shortcut.label.split(' / ').map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="key-or"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help-footnote">Shortcuts are off while you type in a field. Esc closes any dialog.</p>
    </ModalDialog>
  );
}
