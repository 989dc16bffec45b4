/**
 * The scenario panel: the map year, then every registry parameter as a control, one collapsible
 * section per group (registry order, "Uncertainty and years" last) with a reset per group; the last
 * section also holds the Monte Carlo distributions and the seed. Nothing here is hand-listed: the
 * parameters come from the registry. The panel itself subscribes to the language only; each control
 * subscribes to its own value.
 */
import { useEffect, useState } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { resetGroup } from '../store/updaters.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear } from '../i18n/format.ts';
import { PARAM_BY_KEY, type Distribution, type ParamGroup, type ParamKey } from '../../workers/model/params/registry.ts';
import {
  checkDistributionText, checkSeedText, clampYear, errorText, groupLabel, mapYearRange, numberText, paramGroups, paramLabel, parseNumber,
  setDistribution, setSeed, uncertainKeys, MAX_SEED,
} from '../viewmodel/paramControls.ts';
import { NumberField, ParamControl } from './ParamControl.tsx';
import './panels.css';

const GROUP_SPECS = paramGroups();

export function ScenarioPanel() {
  const t = useT();
  return (
    <div className="scenario-panel">
      <h2 className="panel-title">{t('parameters')}</h2>
      <MapYearSlider />
      {GROUP_SPECS.map((g) => (
        <GroupSection key={g.key} group={g.key} keys={g.keys} />
      ))}
    </div>
  );
}

function GroupSection({ group, keys }: { group: ParamGroup; keys: ParamKey[] }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const [open, setOpen] = useState(true);
  const label = groupLabel(group, lang);
  return (
    // named by its summary, so a control can be found within its group (two groups both have "GFA per bed")
    <details className="param-group" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-group={group} aria-labelledby={`group-${group}`}>
      <summary id={`group-${group}`}>{label}</summary>
      <div className="param-group-body">
        <button type="button" className="reset-group" aria-label={t('resetGroupNamed', { group: label })} onClick={() => appStore.getState().setScenario((s) => resetGroup(s, group))}>
          {t('resetGroup')}
        </button>
        {keys.map((k) => <ParamControl key={k} pkey={k} />)}
        {group === 'run' && (
          <>
            <SeedControl />
            <Distributions />
          </>
        )}
      </div>
    </details>
  );
}

/** The year the map (and the headline) shows, over the reported years. */
function MapYearSlider() {
  const t = useT();
  const year = useApp((s) => s.view.year);
  const first = useApp((s) => s.results?.years[0]);
  const last = useApp((s) => (s.results ? s.results.years[s.results.years.length - 1] : undefined));
  const baseYear = useApp((s) => s.scenario.params.baseYear);
  const horizonYear = useApp((s) => s.scenario.params.horizonYear);
  const range = mapYearRange(first !== undefined && last !== undefined ? [first, last] : null, { baseYear, horizonYear });
  const shown = clampYear(year, range);
  // when the reported years change so that the selected year falls outside them, follow
  useEffect(() => {
    if (shown !== year) appStore.getState().setView({ year: shown });
  }, [shown, year]);
  return (
    <div className="map-year">
      <label htmlFor="map-year-slider">{t('mapYear')}</label>
      <input
        id="map-year-slider"
        type="range"
        min={range.min}
        max={range.max}
        step={1}
        value={shown}
        aria-valuetext={formatAcademicYear(shown)}
        onChange={(e) => appStore.getState().setView({ year: Number(e.target.value) })}
      />
      <output htmlFor="map-year-slider" className="map-year-value">{formatAcademicYear(shown)}</output>
    </div>
  );
}

function SeedControl() {
  const t = useT();
  const seed = useApp((s) => s.scenario.seed);
  return (
    <div className="param" title={t('seedHelp')}>
      <div className="param-head">
        <label htmlFor="param-seed" className="param-label">{t('seed')}</label>
      </div>
      <div className="param-inputs">
        <NumberField
          id="param-seed"
          className="wide"
          value={seed}
          min={0}
          max={MAX_SEED}
          step={1}
          check={checkSeedText}
          onValid={(v) => appStore.getState().setScenario((s) => setSeed(s, v))}
        />
      </div>
    </div>
  );
}

function Distributions() {
  const t = useT();
  // a joined string is a stable snapshot: this list re-renders only when the set of keys changes
  const keys = useApp((s) => uncertainKeys(s.scenario).join(','));
  // closed at first: its fields repeat the parameter labels ("Minimum: …"), and hidden fields keep
  // a search for a parameter's own field by name unambiguous
  return (
    <details className="distributions">
      <summary>{t('distributions')}</summary>
      <p className="muted small">{t('distributionsHelp')}</p>
      {keys.split(',').filter(Boolean).map((k) => <DistributionRow key={k} pkey={k as ParamKey} />)}
    </details>
  );
}

type DistText = { min: string; mode: string; max: string };
const distText = (d: Distribution | undefined): DistText => ({ min: numberText(d?.min), mode: numberText(d?.mode), max: numberText(d?.max) });

/** min / mode / max (and shape) of one parameter's distribution, checked together before it is set. */
function DistributionRow({ pkey }: { pkey: ParamKey }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const dist = useApp((s) => s.scenario.uncertainty[pkey]);
  const p = PARAM_BY_KEY[pkey];
  const label = paramLabel(p, lang);
  const [text, setText] = useState<DistText>(() => distText(dist));
  const [seen, setSeen] = useState(dist);
  const [error, setError] = useState<string | null>(null);
  if (seen !== dist) {
    setSeen(dist);
    const same = dist && parseNumber(text.min) === dist.min && parseNumber(text.mode) === dist.mode && parseNumber(text.max) === dist.max;
    if (!same) {
      setText(distText(dist));
      setError(null);
    }
  }
  if (!dist || p.type === 'boolean') return null;
  const apply = (next: DistText, shape: Distribution['dist']) => {
    setText(next);
    const c = checkDistributionText(pkey, shape, next);
    if (c.ok) {
      setError(null);
      appStore.getState().setScenario((s) => setDistribution(s, pkey, c.value));
    } else {
      setError(errorText(lang, c.error));
    }
  };
  const field = (k: keyof DistText, nameKey: 'distMin' | 'distMode' | 'distMax', shortKey: 'distMinShort' | 'distModeShort' | 'distMaxShort') => (
    <label className="dist-field">
      <span className="dist-caption" aria-hidden="true">{t(shortKey)}</span>
      <input
        type="number"
        inputMode="decimal"
        step="any"
        min={p.min}
        max={p.max}
        aria-label={t(nameKey, { label })}
        value={text[k]}
        aria-invalid={error ? true : undefined}
        onChange={(e) => apply({ ...text, [k]: e.target.value }, dist.dist)}
      />
    </label>
  );
  return (
    <fieldset className="dist-row" data-dist={pkey}>
      <legend>{label}</legend>
      <div className="dist-inputs">
        {field('min', 'distMin', 'distMinShort')}
        {field('mode', 'distMode', 'distModeShort')}
        {field('max', 'distMax', 'distMaxShort')}
        <select aria-label={t('distShape', { label })} value={dist.dist} onChange={(e) => apply(text, e.target.value as Distribution['dist'])}>
          <option value="triangular">{t('distTriangular')}</option>
          <option value="pert">{t('distPert')}</option>
        </select>
      </div>
      {error && <span role="alert" className="field-error">{error}</span>}
    </fieldset>
  );
}
