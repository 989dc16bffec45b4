/**
 * The site inspector: the selected site's facts with their provenance, the model's figures for it,
 * and its editable parameters (edits go through the store's updaters and rerun the model). Sites
 * the user drew can be renamed, edited and deleted. Data and user text is rendered as React text,
 * never as HTML. Field derivation and validation live in src/viewmodel/siteFacts.ts.
 */
import { useMemo, useState } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { deleteDrawnSite, editSite, resetSite, updateDrawnSite } from '../store/updaters.ts';
// a tiny module (a store update); the 3D chunk itself loads only when App renders the view
import { open3dView } from '../three/open3d.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import type { ModelData, SiteRecord } from '../../workers/model/data/schema.ts';
import type { DrawnSite, SiteEdit } from '../../workers/model/scenario/schema.ts';
import { errorText, type Checked } from '../viewmodel/paramControls.ts';
import {
  CONVERSION_STATUS_LABEL, MAX_NAME_LENGTH, SOURCE_LABEL, STATUS_LABEL, conversionStatus, districtName, drawnFieldPatch, drawnFields, drawnSiteArea,
  findSite, institutionName, siteFacts, siteFieldEdit, siteFields, siteModelFigures, siteName, splitLinks,
  type DrawnField, type DrawnPatch, type ModelFigures, type SiteContext, type SiteField,
} from '../viewmodel/siteFacts.ts';
import { NumberField, ProvenanceBadge, YearText } from './ParamControl.tsx';
import './panels.css';

const close = () => appStore.getState().setView({ selectedSiteId: null });

export function SiteInspector() {
  const t = useT();
  const id = useApp((s) => s.view.selectedSiteId);
  const data = useApp((s) => s.data);
  const drawnSites = useApp((s) => s.scenario.drawnSites);
  if (!id || !data) return null;
  const ref = findSite(data, drawnSites, id);
  return (
    <section className="card site-inspector" aria-labelledby="site-inspector-title" data-testid="site-inspector" data-site-id={id}>
      <div className="inspector-head">
        <span className="muted small">{ref?.type === 'drawn' ? t('drawnSite') : t('inspector')}</span>
        <button type="button" className="close-button" aria-label={t('close')} onClick={close}>×</button>
      </div>
      {/* keyed by id: typed text and errors belong to one site */}
      {!ref ? (
        <>
          <h2 id="site-inspector-title">{t('inspector')}</h2>
          <p className="muted">{t('siteNotFound')}</p>
        </>
      ) : ref.type === 'data' ? (
        <DataSiteBody key={id} site={ref.site} data={data} />
      ) : (
        <DrawnSiteBody key={id} site={ref.site} data={data} />
      )}
    </section>
  );
}

// ---------------------------------------------------------------- shared bits

function useFigures(id: string): ModelFigures | null {
  const results = useApp((s) => s.results);
  return useMemo(() => siteModelFigures(results, id), [results, id]);
}

function Linked({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) => ('url' in part ? <a key={i} href={part.url} rel="noreferrer" target="_blank">{part.url}</a> : <span key={i}>{part.text}</span>))}
    </>
  );
}

const yearText = (y: number | null, t: ReturnType<typeof useT>, none: 'stillOpen' | 'notApplicable' | 'notInUse' = 'notApplicable') => (y === null ? t(none) : formatAcademicYear(y));

function OwnerSelect({ id, value, data, lang, onChange }: { id: string; value: string; data: ModelData; lang: Lang; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('openMarket')}</option>
      {data.institutions.map((i) => (
        <option key={i.code} value={i.code}>{lang === 'zh-HK' ? i.nameZh : i.nameEn}</option>
      ))}
    </select>
  );
}

function FigureList({ figures, conversion, year }: { figures: ModelFigures | null; conversion: boolean; year: number }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  if (!figures) return <p className="muted">{t('noModelFigures')}</p>;
  const inUse = figures.beds > 0 && figures.openYear !== null;
  return (
    <dl className="site-dl" data-testid="site-figures">
      <dt>{t('bedsWhenOpen')}</dt>
      <dd data-testid="site-beds">{formatInt(lang, figures.beds)}</dd>
      {conversion && (
        <>
          <dt>{t('conversionStatusIn', { year: formatAcademicYear(year) })}</dt>
          <dd data-testid="site-conversion-status">{t(CONVERSION_STATUS_LABEL[conversionStatus(figures, year)])}</dd>
          <dt>{t('decisionYear')}</dt>
          <dd>{yearText(inUse ? figures.decisionYear : null, t)}</dd>
        </>
      )}
      <dt>{t('openYear')}</dt>
      <dd data-testid="site-open-year">{yearText(inUse ? figures.openYear : null, t, 'notInUse')}</dd>
      {inUse && figures.fullYear !== null && figures.fullYear !== figures.openYear && (
        <>
          <dt>{t('fullYear')}</dt>
          <dd>{formatAcademicYear(figures.fullYear)}</dd>
        </>
      )}
      <dt>{t('closeYear')}</dt>
      <dd>{yearText(inUse ? figures.closeYear : null, t, inUse ? 'stillOpen' : 'notApplicable')}</dd>
    </dl>
  );
}

// ---------------------------------------------------------------- data sites

function DataSiteBody({ site, data }: { site: SiteRecord; data: ModelData }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const year = useApp((s) => s.view.year);
  const edit = useApp((s) => s.scenario.sites[site.id]);
  const params = useApp((s) => s.scenario.params);
  const figures = useFigures(site.id);
  const codes = useMemo(() => data.institutions.map((i) => i.code), [data]);
  const ctx: SiteContext = { params, figures, codes };
  const fields = siteFields(site, edit, ctx);
  const facts = siteFacts(site);
  const owner = edit?.owner !== undefined ? edit.owner : site.owner;
  const conversion = site.kind === 'hotel' || site.kind === 'guesthouse';
  // checked against the latest edit in the store, not the one this render saw
  const check = (key: SiteField['key'], input: string | boolean) => siteFieldEdit(site, appStore.getState().scenario.sites[site.id], key, input, ctx);
  const apply = (e: SiteEdit) => appStore.getState().setScenario((sc) => editSite(sc, site.id, e));
  return (
    <>
      <h2 id="site-inspector-title" className="site-name">{siteName(site, lang)}</h2>
      <dl className="site-dl">
        <dt>{t('siteSource')}</dt>
        <dd>{t(SOURCE_LABEL[site.source])}</dd>
        <dt>{t('owner')}</dt>
        <dd>{institutionName(data, owner, lang) ?? t('openMarket')}</dd>
        <dt>{t('district')}</dt>
        <dd>{districtName(data, site.district, lang) ?? t('noData')}</dd>
        <dt>{t('siteStatus')}</dt>
        <dd>{t(STATUS_LABEL[site.status])}</dd>
        {site.locationNote && (
          <>
            <dt>{t('locationApprox')}</dt>
            <dd>{site.locationNote}</dd>
          </>
        )}
        {site.lon === null && (
          <>
            <dt>{t('location')}</dt>
            <dd>{t('notOnMap')}</dd>
          </>
        )}
      </dl>
      {site.note && <p className="site-note muted">{site.note}</p>}

      {facts.length > 0 && (
        <>
          <h3>{t('facts')}</h3>
          <ul className="fact-list">
            {facts.map((f) => (
              <li key={f.key} className="fact" data-fact={f.key}>
                <div className="fact-head">
                  <span className="fact-label">{t(f.labelKey)}</span>
                  <span className="fact-value">
                    {f.isYear ? formatAcademicYear(f.value) : f.value.toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 2 })}
                    {f.unitKey && ` ${t(f.unitKey)}`}
                  </span>
                  <ProvenanceBadge estimated={f.estimated} />
                </div>
                <details className="fact-source">
                  <summary>{t('source')}</summary>
                  <p><Linked text={f.source} /></p>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('modelFigures')}</h3>
      <FigureList figures={figures} conversion={conversion} year={year} />
      {(site.kind === 'uniTown' || site.kind === 'landSale' || (conversion && (figures?.beds ?? 0) > 0) || site.id === 'conversion:mu88') && (
        <button type="button" className="open-3d" onClick={() => open3dView(site.id)}>{t('open3d')}</button>
      )}

      <h3>{t('editSite')}</h3>
      <div className="site-fields">
        {fields.map((f) => <SiteFieldControl key={f.key} siteId={site.id} field={f} data={data} lang={lang} check={check} apply={apply} />)}
      </div>
      <button type="button" className="reset-site" disabled={!edit} onClick={() => appStore.getState().setScenario((s) => resetSite(s, site.id))}>
        {t('resetSite')}
      </button>
    </>
  );
}

function SiteFieldControl({ siteId, field, data, lang, check, apply }: {
  siteId: string;
  field: SiteField;
  data: ModelData;
  lang: Lang;
  check: (key: SiteField['key'], input: string | boolean) => Checked<SiteEdit>;
  apply: (e: SiteEdit) => void;
}) {
  const t = useT();
  const id = `site-${siteId}-${field.key}`;
  const [selectError, setSelectError] = useState<string | null>(null);
  if (field.kind === 'boolean') {
    return (
      <div className="site-field site-field-check">
        <input id={id} type="checkbox" checked={field.value === true} disabled={field.disabled} onChange={(e) => {
          const c = check(field.key, e.target.checked);
          if (c.ok) apply(c.value);
        }} />
        <label htmlFor={id}>{t(field.labelKey)}</label>
      </div>
    );
  }
  if (field.kind === 'owner') {
    return (
      <div className="site-field">
        <label htmlFor={id}>{t(field.labelKey)}</label>
        <OwnerSelect id={id} value={String(field.value ?? '')} data={data} lang={lang} onChange={(v) => {
          const c = check(field.key, v);
          if (c.ok) apply(c.value);
          setSelectError(c.ok ? null : errorText(lang, c.error));
        }} />
        {selectError && <span role="alert" className="field-error">{selectError}</span>}
      </div>
    );
  }
  const placeholder = field.placeholder === null ? undefined : field.kind === 'year' ? String(field.placeholder) : String(Number(field.placeholder.toPrecision(6)));
  return (
    <div className={`site-field${field.overridden ? ' overridden' : ''}`}>
      <label htmlFor={id}>{t(field.labelKey)}</label>
      <NumberField
        id={id}
        value={typeof field.value === 'number' ? field.value : null}
        min={field.rule?.min}
        max={field.rule?.max}
        step={field.rule?.integer ? 1 : 'any'}
        placeholder={placeholder}
        check={(text) => check(field.key, text)}
        onValid={apply}
        after={field.kind === 'year' ? (v) => <YearText year={v ?? field.placeholder} /> : field.key === 'leaseTerm' && field.termFrom != null ? (v) => (
          <output className="year-text">{v !== null && Number.isInteger(v) && v > 0 ? `→ ${formatAcademicYear(field.termFrom! + v)}` : ''}</output>
        ) : undefined}
      />
    </div>
  );
}

// ---------------------------------------------------------------- drawn sites

function DrawnSiteBody({ site, data }: { site: DrawnSite; data: ModelData }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const figures = useFigures(site.id);
  const codes = useMemo(() => data.institutions.map((i) => i.code), [data]);
  const polygon = site.polygon;
  const area = useMemo(() => drawnSiteArea({ polygon }), [polygon]);
  const check = (key: DrawnField['key'], input: string | boolean) => drawnFieldPatch(key, input, codes);
  const apply = (patch: DrawnPatch) => appStore.getState().setScenario((s) => updateDrawnSite(s, site.id, patch));
  const inUse = figures !== null && figures.beds > 0 && figures.openYear !== null;
  return (
    <>
      <h2 id="site-inspector-title" className="site-name">{site.name}</h2>
      <dl className="site-dl">
        <dt>{t('area')}</dt>
        <dd data-testid="drawn-area">{t('areaValue', { m2: formatInt(lang, area.m2), ha: area.ha.toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 2 }) })}</dd>
        <dt>{t('bedsWhenOpen')}</dt>
        <dd data-testid="site-beds">{figures ? formatInt(lang, figures.beds) : '—'}</dd>
        <dt>{t('openYear')}</dt>
        <dd data-testid="site-open-year">{figures ? yearText(inUse ? figures.openYear : null, t, 'notInUse') : '—'}</dd>
      </dl>
      <button type="button" className="open-3d" onClick={() => open3dView(site.id)}>{t('open3d')}</button>
      <h3>{t('editSite')}</h3>
      <div className="site-fields">
        {drawnFields(site).map((f) => <DrawnFieldControl key={f.key} siteId={site.id} field={f} data={data} lang={lang} check={check} apply={apply} />)}
      </div>
      <button
        type="button"
        className="delete-site"
        onClick={() => {
          appStore.getState().setScenario((s) => deleteDrawnSite(s, site.id));
          close();
        }}
      >
        {t('deleteSite')}
      </button>
    </>
  );
}

function DrawnFieldControl({ siteId, field, data, lang, check, apply }: {
  siteId: string;
  field: DrawnField;
  data: ModelData;
  lang: Lang;
  check: (key: DrawnField['key'], input: string | boolean) => Checked<DrawnPatch>;
  apply: (patch: DrawnPatch) => void;
}) {
  const t = useT();
  const id = `site-${siteId}-${field.key}`;
  const [text, setText] = useState(String(field.value));
  const [error, setError] = useState<string | null>(null);
  if (field.kind === 'boolean') {
    return (
      <div className="site-field site-field-check">
        <input id={id} type="checkbox" checked={field.value === true} onChange={(e) => {
          const c = check(field.key, e.target.checked);
          if (c.ok) apply(c.value);
        }} />
        <label htmlFor={id}>{t(field.labelKey)}</label>
      </div>
    );
  }
  if (field.kind === 'text' || field.kind === 'owner') {
    const onChange = (v: string) => {
      setText(v);
      const c = check(field.key, v);
      if (c.ok) apply(c.value);
      setError(c.ok ? null : errorText(lang, c.error));
    };
    return (
      <div className="site-field">
        <label htmlFor={id}>{t(field.labelKey)}</label>
        {field.kind === 'text' ? (
          <input id={id} type="text" maxLength={MAX_NAME_LENGTH} value={text} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <OwnerSelect id={id} value={String(field.value)} data={data} lang={lang} onChange={onChange} />
        )}
        {error && <span role="alert" className="field-error">{error}</span>}
      </div>
    );
  }
  return (
    <div className="site-field">
      <label htmlFor={id}>{t(field.labelKey)}</label>
      <NumberField
        id={id}
        value={field.value as number}
        min={field.rule?.min}
        max={field.rule?.max}
        step={field.rule?.integer ? 1 : 'any'}
        check={(text) => check(field.key, text)}
        onValid={apply}
        after={field.kind === 'year' ? (v) => <YearText year={v} /> : undefined}
      />
    </div>
  );
}
