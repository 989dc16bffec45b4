/**
 * The named-scenario card at the top of the left panel: pick, create, duplicate, rename and delete
 * (with an Undo toast) scenarios; undo/redo edits (also Ctrl+Z / Ctrl+Shift+Z); export and import
 * JSON; copy a share link; and open the compare, GIS import/export and report tools. Every file
 * or link problem is shown with role="alert" and changes nothing.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { getSession, NAME_ERROR_KEYS, useSession } from '../persist/session.ts';
import { currentEntry } from '../store/scenarioLibrary.ts';
import { canRedo, canUndo } from '../store/history.ts';
import { exportScenarioText, scenarioFileName } from '../io/scenarioFile.ts';
import { shareUrl } from '../io/shareUrl.ts';
import { downloadBlob } from '../charts/exportFiles.ts';
import { GisExportButtons } from './GisExportButtons.tsx';
import { ReportButton } from './Report.tsx';
import { scenarioDisplayName } from '../viewmodel/scenarioNames.ts';
import { translateParts } from '../viewmodel/textParts.ts';
import { TextParts } from './TextParts.tsx';
import type { NameError } from '../store/scenarioLibrary.ts';
import './scenarios.css';

const CompareView = lazy(() => import('./CompareView.tsx'));
const GisImport = lazy(() => import('./GisImport.tsx'));

/** Placeholders of notices whose values are the user's text (scenario names). */
const DATA_VARS = ['name', 'names'];

/** How long the "Deleted … Undo" toast stays, ms. */
const UNDO_TOAST_MS = 12_000;

/** True when the key press belongs to a text field (which has its own undo). */
function inTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit', 'file', 'color'].includes(el.type);
}

export function ScenarioManager() {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const session = getSession();
  const ready = useSession((s) => s.ready);
  const library = useSession((s) => s.library);
  const history = useSession((s) => s.history);
  const notice = useSession((s) => s.notice);
  const deleted = useSession((s) => s.deleted);
  const storage = useSession((s) => s.storage);
  const dirty = useSession((s) => s.dirty);
  const scenario = useApp((s) => s.scenario);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<NameError | null>(null);
  const [tool, setTool] = useState<'compare' | 'gis' | null>(null);
  const [shared, setShared] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { select: useId(), rename: useId(), heading: useId(), renameError: useId() };

  // restore is idempotent: boot.ts normally calls it first; this covers an app that does not
  useEffect(() => { void session.restore(); }, [session]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { if (session.undo()) e.preventDefault(); }
      else if ((k === 'z' && e.shiftKey) || k === 'y') { if (session.redo()) e.preventDefault(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => session.dismissDeleted(), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [deleted, session]);

  if (!ready || !library) {
    return <section className="card scenario-manager" aria-busy="true"><h2>{t('smTitle')}</h2><p className="muted">{t('smLoading')}</p></section>;
  }
  const current = currentEntry(library);
  const name = (n: string) => scenarioDisplayName(n, lang);

  const submitRename = (e: FormEvent) => {
    e.preventDefault();
    const err = session.rename(renaming ?? '');
    setRenameError(err);
    if (!err) setRenaming(null);
  };

  const exportJson = () => downloadBlob(new Blob([exportScenarioText(scenario)], { type: 'application/json' }), scenarioFileName(scenario));

  const share = async () => {
    const r = shareUrl(location.href, scenario);
    if (!r.ok || !r.url) { session.notify({ kind: 'error', key: 'smShareTooLarge', detail: r.ok ? undefined : r.message }); return; }
    setShared(r.url);
    try {
      await navigator.clipboard.writeText(r.url);
      session.notify({ kind: 'info', key: 'smShareCopied' });
    } catch {
      session.notify({ kind: 'info', key: 'smShareManual' });
    }
  };

  return (
    <section className="card scenario-manager" aria-labelledby={ids.heading}>
      <div className="sm-head">
        <h2 id={ids.heading}>{t('smTitle')}</h2>
        <span className="sm-save-state muted" role="status">
          {storage === 'unavailable' ? t('smNotSaving') : dirty ? t('smSaving') : t('smSaved')}
        </span>
      </div>

      <div className="sm-select">
        <label htmlFor={ids.select}>{t('smOpen')}</label>
        <select id={ids.select} value={library.currentId} onChange={(e) => { setRenaming(null); session.switchTo(e.target.value); }}>
          {library.entries.map((e) => (
            <option key={e.id} value={e.id} data-i18n-exempt="">{e.unsaved ? t('smUnsavedName', { name: name(e.scenario.name) }) : name(e.scenario.name)}</option>
          ))}
        </select>
      </div>

      {current.unsaved && (
        <p className="sm-unsaved">
          {t('smUnsaved')} <button type="button" onClick={() => session.keepShared()}>{t('smKeep')}</button>
        </p>
      )}

      <div className="sm-buttons" role="group" aria-label={t('smManage')}>
        <button type="button" onClick={() => session.newScenario(t('smNewName'))}>{t('smNew')}</button>
        <button type="button" onClick={() => session.duplicate(t('smCopyOf', { name: name(current.scenario.name) }))}>{t('smDuplicate')}</button>
        <button type="button" aria-expanded={renaming !== null} onClick={() => { setRenameError(null); setRenaming(renaming === null ? current.scenario.name : null); }}>{t('smRename')}</button>
        <button type="button" onClick={() => { setRenaming(null); session.remove(current.id, t('smBaselineName')); }}>{t('smDelete')}</button>
      </div>

      {renaming !== null && (
        <form className="sm-rename" onSubmit={submitRename}>
          <label htmlFor={ids.rename}>{t('smRenameLabel')}</label>
          <input
            id={ids.rename} type="text" value={renaming} maxLength={200} autoFocus
            aria-invalid={renameError ? true : undefined} aria-describedby={renameError ? ids.renameError : undefined}
            onChange={(e) => { setRenaming(e.target.value); setRenameError(null); }}
            onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setRenaming(null); } }}
          />
          <button type="submit">{t('smSave')}</button>
          <button type="button" onClick={() => setRenaming(null)}>{t('cancel')}</button>
          {renameError && <p id={ids.renameError} className="field-error" role="alert">{t(NAME_ERROR_KEYS[renameError], { max: 120 })}</p>}
        </form>
      )}

      <div className="sm-buttons" role="group" aria-label={t('smEdits')}>
        <button type="button" disabled={!canUndo(history)} aria-keyshortcuts="Control+Z" aria-label={t('smUndoAria')} title={t('smUndoAria')} onClick={() => session.undo()}>{t('smUndo')}</button>
        <button type="button" disabled={!canRedo(history)} aria-keyshortcuts="Control+Shift+Z" aria-label={t('smRedoAria')} title={t('smRedoAria')} onClick={() => session.redo()}>{t('smRedo')}</button>
      </div>

      <div className="sm-buttons" role="group" aria-label={t('smFiles')}>
        <button type="button" onClick={exportJson}>{t('smExport')}</button>
        <button type="button" onClick={() => fileRef.current?.click()}>{t('smImport')}</button>
        <input
          ref={fileRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-label={t('smImportFile')}
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void session.importFile(f); }}
        />
        <button type="button" onClick={() => void share()}>{t('smShare')}</button>
      </div>
      {shared && (
        <div className="sm-share">
          <label>
            {t('smShareLabel')}
            <input type="text" readOnly value={shared} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="close-button" aria-label={t('smShareHide')} onClick={() => setShared(null)}>×</button>
        </div>
      )}

      <div className="sm-buttons" role="group" aria-label={t('smTools')}>
        <button type="button" onClick={() => setTool('compare')}>{t('cmpOpen')}</button>
        <button type="button" onClick={() => setTool('gis')}>{t('gisImportOpen')}</button>
        <ReportButton />
      </div>
      <GisExportButtons />

      {notice && (
        <div key={notice.seq} className={`sm-notice sm-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>
            <TextParts parts={translateParts(lang, notice.key, notice.vars, DATA_VARS)} />
            {notice.kind === 'error' && notice.key !== 'smSaveFailed' && notice.key !== 'smShareTooLarge' && <> {t('smNothingChanged')}</>}
          </p>
          {notice.field && <p className="sm-field">{t('smField')} <code data-i18n-exempt="">{notice.field}</code></p>}
          {notice.detail && <p className="sm-detail" lang="en" data-i18n-exempt="">{notice.detail}</p>}
          <button type="button" className="close-button" aria-label={t('smDismiss')} onClick={() => session.notify(null)}>×</button>
        </div>
      )}
      {deleted && (
        <div className="sm-toast" role="status">
          <span><TextParts parts={translateParts(lang, 'smDeleted', { name: name(deleted.name) }, DATA_VARS)} /></span>
          <button type="button" onClick={() => session.undoRemove()}>{t('smUndoDelete')}</button>
        </div>
      )}

      {tool && (
        <Suspense fallback={<p role="status">{t('loadingData')}</p>}>
          {tool === 'compare' ? <CompareView onClose={() => setTool(null)} /> : <GisImport onClose={() => setTool(null)} />}
        </Suspense>
      )}
    </section>
  );
}
