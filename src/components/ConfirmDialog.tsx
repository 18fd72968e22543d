import type { ReactNode } from 'react';
import { Modal } from './Modal';
import { button } from './styles';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Extra controls beside the buttons (a download link, say). */
  extra?: ReactNode;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** A confirmation before something destructive. Cancel is focused first, so Enter never destroys by accident. */
export function ConfirmDialog({ title, children, confirmLabel, extra, confirmDisabled, onConfirm, onClose }: Props) {
  return (
    <Modal
      title={title}
      role="alertdialog"
      width="40rem"
      onClose={onClose}
      footer={(close) => (
        <>
          {extra && <div className="mr-auto">{extra}</div>}
          <button type="button" autoFocus className={button('plain', 'px-3 py-1.5')} onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            disabled={confirmDisabled}
            className={button('destroy', 'px-3 py-1.5')}
            onClick={() => {
              onConfirm();
              close();
            }}
          >
            {confirmLabel}
          </button>
        </>
      )}
    >
      {children}
    </Modal>
  );
}
