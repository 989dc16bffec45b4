/**
 * A modal dialog on the native <dialog> element (focus trap, Esc and the inert page come from the
 * browser), named by its heading, with a close button.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import './scenarios.css';

export function Modal({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const cancel = (e: Event) => { e.preventDefault(); onCloseRef.current(); };
    d.addEventListener('cancel', cancel);
    return () => { d.removeEventListener('cancel', cancel); if (d.open) d.close(); };
  }, []);

  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={headingId}>
      <div className="modal-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="close-button" aria-label={t('close')} onClick={onClose}>×</button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
