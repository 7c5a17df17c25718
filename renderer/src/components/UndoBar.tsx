// "Deleted “Globex”. Undo": the bar shown after a change that can be taken back.
import { useEffect } from 'react';

export interface UndoOffer {
  label: string;
  run: () => Promise<void>;
}

export function UndoBar({ offer, onClose }: { offer: UndoOffer | null; onClose: () => void }) {
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(onClose, 30_000);
    return () => clearTimeout(timer);
  }, [offer, onClose]);
  if (!offer) return null;
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{offer.label}.</span>
      <button
        type="button"
        className="link-button"
        onClick={async () => {
          await offer.run();
          onClose();
        }}
        data-testid="undo"
      >
        Undo
      </button>
      <button type="button" className="link-button muted" onClick={onClose} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
