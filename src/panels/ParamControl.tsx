/**
 * One scenario parameter as a control: number field (+ slider where it has few enough stops),
 * year field with the academic year spelt out, or checkbox; its estimated/published badge and its
 * source as a tooltip and a popover. Each control subscribes to its own value only, so a result or
 * another parameter's change does not re-render it.
 */
import { useId, useState, type ReactNode } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { setParam } from '../store/updaters.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear } from '../i18n/format.ts';
import { PARAM_BY_KEY, type ParamKey } from '../../workers/model/params/registry.ts';
import { checkParamText, controlSpec, errorText, numberText, paramLabel, parseNumber, safeHttpsUrl, type Checked } from '../viewmodel/paramControls.ts';
import './panels.css';

/**
 * A number field that keeps what the person typed (even when it is not valid yet), shows why it is
 * refused (role="alert") without touching the scenario, and passes valid values on at once. When
 * the value changes elsewhere (slider, reset) the text follows, unless it already says that value.
 */
export function NumberField<T>(props: {
  id?: string;
  /** Accessible name when there is no <label htmlFor> (or to override it). */
  ariaLabel?: string;
  value: number | null;
  check: (text: string) => Checked<T>;
  onValid: (v: T) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  placeholder?: string;
  className?: string;
  /** Shown after the field, given the typed value when it is a number (e.g. "2026/27" for a year). */
  after?: (v: number | null) => ReactNode;
}) {
  const { value, check, onValid } = props;
  const lang = useApp((s) => s.view.lang);
  const [text, setText] = useState(numberText(value));
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<ReturnType<typeof errorText> | null>(null);
  const errId = useId();
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (parseNumber(text) !== value) {
      setText(numberText(value));
      setError(null);
    }
  }
  const onChange = (t: string) => {
    setText(t);
    const c = check(t);
    if (c.ok) {
      setError(null);
      onValid(c.value);
    } else {
      setError(errorText(lang, c.error));
    }
  };
  return (
    <span className={`number-field ${props.className ?? ''}`}>
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        aria-label={props.ariaLabel}
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        placeholder={props.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {props.after?.(parseNumber(text))}
      {error && <span id={errId} role="alert" className="field-error">{error}</span>}
    </span>
  );
}

/** The estimated / published badge. */
export function ProvenanceBadge({ estimated }: { estimated: boolean }) {
  const t = useT();
  return <span className={estimated ? 'badge-est' : 'badge-pub'}>{t(estimated ? 'estimated' : 'published')}</span>;
}

/** The academic year of a typed start year, beside a year field. */
export function YearText({ year }: { year: number | null }) {
  return <output className="year-text">{year !== null && Number.isInteger(year) ? formatAcademicYear(year) : ''}</output>;
}

/** The (i) button names the parameter without its unit: units such as "share of the gap closed per year" would make "Close" ambiguous. */
function SourceInfo({ pkey }: { pkey: ParamKey }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const p = PARAM_BY_KEY[pkey];
  const label = p.label[lang];
  const [open, setOpen] = useState(false);
  const popId = useId();
  const url = safeHttpsUrl(p.url);
  return (
    <>
      <button
        type="button"
        className="info-button"
        aria-label={t('sourceOf', { label })}
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}
      >
        <span aria-hidden="true">i</span>
      </button>
      {open && (
        <div id={popId} className="param-popover" role="note" onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
          <p>{p.description}</p>
          <p><strong>{t('source')}:</strong> {p.source}</p>
          {url && <p><a href={url} rel="noreferrer" target="_blank">{t('openSource')}</a></p>}
        </div>
      )}
    </>
  );
}

export function ParamControl({ pkey }: { pkey: ParamKey }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const value = useApp((s) => s.scenario.params[pkey]);
  const p = PARAM_BY_KEY[pkey];
  const spec = controlSpec(pkey);
  const label = paramLabel(p, lang);
  const id = `param-${pkey}`;
  const title = `${t('source')}: ${p.source}`;
  const set = (v: number | boolean) => appStore.getState().setScenario((s) => setParam(s, pkey, v));

  if (spec.kind === 'boolean') {
    return (
      <div className="param" title={title} data-param={pkey} data-i18n-exempt-title="">
        <div className="param-head">
          <input id={id} type="checkbox" checked={value as boolean} onChange={(e) => set(e.target.checked)} />
          <label htmlFor={id} className="param-label">{label}</label>
          <ProvenanceBadge estimated={spec.estimated} />
          <SourceInfo pkey={pkey} />
        </div>
      </div>
    );
  }
  const n = value as number;
  return (
    <div className="param" title={title} data-param={pkey} data-i18n-exempt-title="">
      <div className="param-head">
        <label htmlFor={id} className="param-label">{label}</label>
        <ProvenanceBadge estimated={spec.estimated} />
        <SourceInfo pkey={pkey} />
      </div>
      <div className="param-inputs">
        {spec.slider && (
          <input
            type="range"
            className="param-slider"
            aria-label={label}
            min={spec.min}
            max={spec.max}
            step={spec.step}
            value={n}
            onChange={(e) => set(Number(e.target.value))}
          />
        )}
        <NumberField
          id={id}
          value={n}
          min={spec.min}
          max={spec.max}
          step={spec.step}
          className={spec.kind === 'year' ? 'year-field' : undefined}
          check={(text) => checkParamText(pkey, text, appStore.getState().scenario.params)}
          onValid={(v) => set(v)}
          after={spec.kind === 'year' ? (v) => <YearText year={v} /> : undefined}
        />
      </div>
    </div>
  );
}
