import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatInt } from '../i18n/format.ts';

/** Shows whether the model is running, Monte Carlo progress (with cancel), and errors. */
export function RunStatus({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const run = useApp((s) => s.run);
  const mc = useApp((s) => s.mc);
  return (
    <div className="run-status" role="status" aria-live="polite" data-testid="run-status" data-run={run.status} data-mc={mc.status}>
      <span className={`dot dot-${run.status}`} aria-hidden="true" />
      <span>{run.status === 'running' ? t('running') : run.status === 'error' ? `${t('runError')}: ${run.error}` : t('ready')}</span>
      {mc.status === 'running' && (
        <>
          <progress max={mc.total} value={mc.done} aria-label={t('monteCarlo')} />
          <span>{t('mcRunning', { done: formatInt(lang, mc.done), total: formatInt(lang, mc.total) })}</span>
          <button type="button" onClick={onCancel}>{t('cancel')}</button>
        </>
      )}
      {mc.status === 'done' && mc.percentiles && <span className="muted">{t('mcDone', { draws: formatInt(lang, mc.percentiles.draws) })}</span>}
      {mc.status === 'cancelled' && <span className="muted">{t('mcCancelled')}</span>}
      {mc.status === 'error' && <span className="error">{mc.error}</span>}
    </div>
  );
}
