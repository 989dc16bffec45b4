/**
 * The parameter registry: every scenario parameter declared once, with its type, unit, bounds,
 * default, source and whether the default is published or estimated. The scenario schema, the
 * validation messages, the UI controls and the docs table (docs/PARAMETERS.md) are all made from it.
 */

export type ParamGroup = 'run' | 'enrolment' | 'hostelPolicy' | 'conversions' | 'landSale' | 'universityTown' | 'allocation';

export interface Distribution {
  dist: 'triangular' | 'pert';
  min: number;
  mode: number;
  max: number;
}

interface ParamBase {
  key: string;
  group: ParamGroup;
  label: { en: string; 'zh-HK': string };
  /** Unit as users read it ("%", "beds", "m² GFA per bed", "months", "academic year"). */
  unit: string;
  description: string;
  /** Where the default comes from: a citation, or the rule that estimated it. */
  source: string;
  url?: string;
  /** True when the default is an estimate or assumption rather than a published figure. */
  estimated: boolean;
}
export interface NumberParam extends ParamBase {
  type: 'number' | 'integer' | 'year';
  min: number;
  max: number;
  step: number;
  default: number;
  /** Default Monte Carlo distribution; parameters without one are held at their value in every draw. */
  uncertainty?: Distribution;
}
export interface BooleanParam extends ParamBase {
  type: 'boolean';
  default: boolean;
}
export type ParamSpec = NumberParam | BooleanParam;

const P = <const T extends ParamSpec>(spec: T): T => spec;

/** Partial-adjustment speed fitted by scripts/fit-k.ts (least squares over the published 2023/24→2025/26 steps). */
export const FITTED_K = 0.1921;

const PARAM_LIST = [
  // ---- run ----
  P({ key: 'baseYear', group: 'run', type: 'year', label: { en: 'First year', 'zh-HK': '首個學年' }, unit: 'academic year', min: 2024, max: 2030, step: 1, default: 2025,
    description: 'First academic year reported (start year: 2025 = 2025/26).', source: 'DESIGN.md: base year 2025/26', estimated: false }),
  P({ key: 'horizonYear', group: 'run', type: 'year', label: { en: 'Last year', 'zh-HK': '最後學年' }, unit: 'academic year', min: 2026, max: 2060, step: 1, default: 2040,
    description: 'Last academic year reported.', source: 'DESIGN.md: horizon 2040/41', estimated: false }),
  P({ key: 'monteCarloDraws', group: 'run', type: 'integer', label: { en: 'Monte Carlo draws', 'zh-HK': '蒙地卡羅抽樣次數' }, unit: 'draws', min: 0, max: 100_000, step: 100, default: 2000,
    description: 'Number of seeded draws of the uncertain parameters for the P10–P90 band (0 = deterministic run only).', source: 'Setting', estimated: false }),

  // ---- enrolment ----
  P({ key: 'quotaCapPct', group: 'enrolment', type: 'number', label: { en: 'Non-local quota cap', 'zh-HK': '非本地生限額' }, unit: '% of local places', min: 0, max: 100, step: 1, default: 40,
    description: 'Cap on non-local students at UGC-funded universities from 2024/25.', source: '2023 Policy Address', url: 'https://www.policyaddress.gov.hk/2023/en/p158a.html', estimated: false }),
  P({ key: 'quotaCapRaisedPct', group: 'enrolment', type: 'number', label: { en: 'Raised quota cap', 'zh-HK': '提高後限額' }, unit: '% of local places', min: 0, max: 100, step: 1, default: 50,
    description: 'Cap after the 2025 Policy Address rise.', source: 'UGC press release 2025-09-17', url: 'https://www.ugc.edu.hk/eng/ugc/about/press_speech_other/press/2025/pr20250917.html', estimated: false }),
  P({ key: 'quotaCapRaisedFromYear', group: 'enrolment', type: 'year', label: { en: 'Raised cap from', 'zh-HK': '提高限額生效學年' }, unit: 'academic year', min: 2024, max: 2060, step: 1, default: 2026,
    description: 'First academic year of the raised cap (and of the 120% RPg ceiling).', source: 'UGC press release 2025-09-17', url: 'https://www.ugc.edu.hk/eng/ugc/about/press_speech_other/press/2025/pr20250917.html', estimated: false }),
  P({ key: 'partialAdjustmentK', group: 'enrolment', type: 'number', label: { en: 'Speed toward the cap (k)', 'zh-HK': '趨向限額速度 (k)' }, unit: 'share of the gap closed per year', min: 0, max: 1, step: 0.001, default: FITTED_K,
    description: 'share[t] = share[t−1] + k × (cap[t] − share[t−1]) for non-local UG at each UGC-funded university.',
    source: 'Fitted by scripts/fit-k.ts to the published sector shares 19.9% (2023/24), 23.2% (2024/25), 27.1% (2025/26); one-step fits give 0.164 and 0.232', estimated: true,
    uncertainty: { dist: 'triangular', min: 0.164, mode: FITTED_K, max: 0.232 } }),
  P({ key: 'localUgGrowthPctPerYear', group: 'enrolment', type: 'number', label: { en: 'Local UG places growth', 'zh-HK': '本地學士學額增長' }, unit: '% per year', min: -10, max: 10, step: 0.1, default: 0,
    description: 'Change in UGC-funded local undergraduate places.', source: '15,000 first-year first-degree places a year, unchanged by the quota rises (HK01 2025-09-17)', estimated: false }),
  P({ key: 'rpgUgcPlaces', group: 'enrolment', type: 'integer', label: { en: 'UGC-funded RPg places', 'zh-HK': '教資會資助研究院研究課程學額' }, unit: 'places', min: 0, max: 50_000, step: 100, default: 7200,
    description: 'UGC-funded research postgraduate places; self-financed RPg may add up to the ceiling below.', source: 'UGC press release 2022-10-26 (target 2024/25)', url: 'https://www.ugc.edu.hk/eng/ugc/about/press_speech_other/press/2022/pr20221026.html', estimated: false }),
  P({ key: 'rpgCeilingPct', group: 'enrolment', type: 'number', label: { en: 'RPg over-enrolment ceiling', 'zh-HK': '研究生超額收生上限' }, unit: '% of UGC-funded RPg places', min: 0, max: 300, step: 5, default: 100,
    description: 'Self-financed RPg places allowed on top of UGC-funded ones.', source: 'UGC press release 2022-10-26', url: 'https://www.ugc.edu.hk/eng/ugc/about/press_speech_other/press/2022/pr20221026.html', estimated: false }),
  P({ key: 'rpgCeilingRaisedPct', group: 'enrolment', type: 'number', label: { en: 'Raised RPg ceiling', 'zh-HK': '提高後研究生上限' }, unit: '% of UGC-funded RPg places', min: 0, max: 300, step: 5, default: 120,
    description: 'RPg ceiling from the raised-cap year.', source: 'UGC press release 2025-09-17', url: 'https://www.ugc.edu.hk/eng/ugc/about/press_speech_other/press/2025/pr20250917.html', estimated: false }),
  P({ key: 'rpgAdjustmentK', group: 'enrolment', type: 'number', label: { en: 'Speed toward the RPg ceiling', 'zh-HK': '研究生趨向上限速度' }, unit: 'share of the gap closed per year', min: 0, max: 1, step: 0.001, default: FITTED_K,
    description: 'Partial adjustment of RPg headcount toward UGC places × (1 + ceiling).', source: 'Assumed equal to the fitted UG k; no RPg series was found', estimated: true,
    uncertainty: { dist: 'triangular', min: 0.1, mode: FITTED_K, max: 0.3 } }),
  P({ key: 'otherNonLocalGrowthPctPerYear', group: 'enrolment', type: 'number', label: { en: 'Other non-local growth (start)', 'zh-HK': '其他非本地生增長（起始）' }, unit: '% per year', min: -20, max: 50, step: 0.1, default: 20.6,
    description: 'Growth of non-local students outside UGC-funded UG and RPg (self-financed taught PG, self-financing institutions) in the first projected year.',
    source: 'Derived: EDB all post-secondary non-local 54,500 (2022/23) → 79,300 (2024/25) = 20.6% a year', estimated: true,
    uncertainty: { dist: 'triangular', min: 8, mode: 20.6, max: 25 } }),
  P({ key: 'otherNonLocalGrowthHalfLifeYears', group: 'enrolment', type: 'number', label: { en: 'Growth half-life', 'zh-HK': '增長減半年期' }, unit: 'years', min: 0.5, max: 50, step: 0.5, default: 2,
    description: 'Years for that growth rate to halve (taper).', source: 'Assumption: no forecast published; the >80,000 expected for 2025/26 (cnyes 2026-01-26) suggests fast tapering', estimated: true,
    uncertainty: { dist: 'triangular', min: 1, mode: 2, max: 5 } }),
  P({ key: 'entitlementUgYearsInHall', group: 'enrolment', type: 'number', label: { en: 'Hall years per local UG (entitlement)', 'zh-HK': '本地學士生住宿年數（資格）' }, unit: 'years', min: 0, max: 6, step: 0.5, default: 1,
    description: '1996 criteria: every undergraduate at least one year in a hostel.', source: 'UGC report 1998–2001, §5.3 (1996 ExCo criteria)', url: 'https://www.ugc.edu.hk/minisite/ugc_report/triennium98-01/E_5_3.HTM', estimated: false }),
  P({ key: 'ugProgrammeYears', group: 'enrolment', type: 'number', label: { en: 'UG programme length', 'zh-HK': '學士課程年期' }, unit: 'years', min: 2, max: 6, step: 0.5, default: 4,
    description: 'Years of study, so that one hall year per student is 1/4 of local UG headcount.', source: '"四年一宿": one year in four (HDF-era restatement, 2018)', estimated: false }),
  P({ key: 'entitlementLongTravelSharePct', group: 'enrolment', type: 'number', label: { en: 'Local UG with > 4 h daily travel', 'zh-HK': '每日交通逾4小時的本地學士生' }, unit: '% of local UG', min: 0, max: 100, step: 0.5, default: 0,
    description: 'Entitled to a place in every year (1996 criteria). No share has been published, so the default 0 makes the entitlement a lower bound.', source: 'Assumption: no published figure', estimated: true }),
  P({ key: 'takeUpNonLocalPct', group: 'enrolment', type: 'number', label: { en: 'Non-local take-up', 'zh-HK': '非本地生住宿需求比率' }, unit: '% who want a hostel bed', min: 0, max: 100, step: 1, default: 80,
    description: 'Market lens: share of non-local students who want a hostel bed rather than renting or living elsewhere.',
    source: 'Estimated from 22,200 non-local applications in 2019/20 (UGC, ~0.95 of non-local students) and JLL 2022/23 (58,200 of 63,200 ≈ 0.92), rounded down for self-financed TPg who rent', estimated: true,
    uncertainty: { dist: 'triangular', min: 60, mode: 80, max: 95 } }),
  P({ key: 'takeUpLocalUgPct', group: 'enrolment', type: 'number', label: { en: 'Local UG take-up', 'zh-HK': '本地學士生住宿需求比率' }, unit: '% who want a hostel bed', min: 0, max: 100, step: 1, default: 30,
    description: 'Market lens: share of local undergraduates who want a hostel bed in a given year.', source: 'Assumption: 56,000 applicants for 33,500 places in 2013 (SCMP) shows excess demand but no local share was published', estimated: true,
    uncertainty: { dist: 'triangular', min: 20, mode: 30, max: 50 } }),
  P({ key: 'takeUpLocalRpgPct', group: 'enrolment', type: 'number', label: { en: 'Local RPg take-up', 'zh-HK': '本地研究生住宿需求比率' }, unit: '% who want a hostel bed', min: 0, max: 100, step: 1, default: 50,
    description: 'Market lens: share of local research postgraduates who want a hostel bed.', source: 'Assumption: no published figure', estimated: true,
    uncertainty: { dist: 'triangular', min: 30, mode: 50, max: 80 } }),

  // ---- hostel policy (existing stock, pipeline, youth hostels, cost) ----
  P({ key: 'pipelineDelayYears', group: 'hostelPolicy', type: 'integer', label: { en: 'Pipeline delay', 'zh-HK': '在建項目延誤' }, unit: 'years', min: 0, max: 10, step: 1, default: 0,
    description: 'Whole years added to the expected opening of every pipeline project not yet in use.', source: 'Assumption: projects open when their sources say', estimated: true,
    uncertainty: { dist: 'triangular', min: 0, mode: 0, max: 2 } }),
  P({ key: 'hdfUnitemisedBeds', group: 'hostelPolicy', type: 'integer', label: { en: 'HDF places not itemised', 'zh-HK': '未列明的宿舍發展基金宿位' }, unit: 'beds', min: 0, max: 30_000, step: 100, default: 0,
    description: 'Hostel Development Fund places beyond the named projects. The ~13,500-place envelope less the named projects under construction is consistent with stock growth since 2017, so the default adds none.',
    source: 'Derived check: 29,000 (2017) + HDF deliveries ≈ 40,600 (2024/25); 7 projects under construction (LCQ15 2026-02-04)', estimated: true }),
  P({ key: 'hdfUnitemisedOpenYear', group: 'hostelPolicy', type: 'year', label: { en: 'HDF remainder opens', 'zh-HK': '其餘基金宿位啟用學年' }, unit: 'academic year', min: 2024, max: 2060, step: 1, default: 2027,
    description: 'Opening year for the not-itemised HDF places.', source: '"13,500 more places by 2027" (SCMP 2024)', estimated: false }),
  P({ key: 'youthHostelStudentSharePct', group: 'hostelPolicy', type: 'number', label: { en: 'Youth hostel places counted for students', 'zh-HK': '計作學生宿位的青年宿舍比例' }, unit: '% of places', min: 0, max: 100, step: 1, default: 0,
    description: 'Youth Hostel Scheme places serve working youth aged 18–30, not students; counted only if set here.', source: 'DESIGN.md §3 (default 0%); CSO blog 2018-06-03 on eligibility', estimated: false }),
  P({ key: 'newBuildCostHkdPerBed', group: 'hostelPolicy', type: 'number', label: { en: 'New-build cost per bed', 'zh-HK': '新建宿位每位成本' }, unit: 'HK$ per bed', min: 0, max: 10_000_000, step: 10_000, default: 900_000,
    description: 'Capital cost indicator for pipeline, land-sale, University Town and drawn sites.', source: 'Derived: HDF HK$12 bn for ~13,000–13,600 places (2017); PLK Youth Oasis HK$0.86 m per place (2023)', estimated: true }),

  // ---- conversions ----
  P({ key: 'hitcAppliedBeds', group: 'conversions', type: 'integer', label: { en: 'Hostels in the City: applied beds', 'zh-HK': '城中學舍：已申請宿位' }, unit: 'beds', min: 0, max: 100_000, step: 100, default: 5100,
    description: 'Beds in the scheme applications (incl. MU88), assigned to the best-placed candidate hotels.', source: '~25 applications, ~5,100 beds by early Feb 2026 (stheadline 2026-02-25); 24 / ~5,000 on 2026-01-20 (news.gov.hk)', url: 'https://www.news.gov.hk/eng/2026/01/20260120/20260120_153429_462.html', estimated: false }),
  P({ key: 'hitcDecisionYear', group: 'conversions', type: 'year', label: { en: 'Applications approved in', 'zh-HK': '申請獲批學年' }, unit: 'academic year', min: 2024, max: 2060, step: 1, default: 2025,
    description: 'Academic year the applied conversions start works.', source: 'Applications July 2025 – Feb 2026 (2025/26)', estimated: false }),
  P({ key: 'conversionLeadMonths', group: 'conversions', type: 'number', label: { en: 'Conversion works', 'zh-HK': '改裝工程期' }, unit: 'months', min: 1, max: 60, step: 1, default: 18,
    description: 'From approval to beds in use, with the scheme\'s facilitation.', source: 'Scheme condition: conversions complete within 18 months (am730, Jan 2026)', estimated: false,
    uncertainty: { dist: 'triangular', min: 12, mode: 18, max: 24 } }),
  P({ key: 'hitcFacilitation', group: 'conversions', type: 'boolean', label: { en: 'Planning, lands and building facilitation', 'zh-HK': '規劃、地政及屋宇便利措施' }, unit: 'on/off', default: true,
    description: 'Off adds the months the facilitation saves to every conversion.', source: 'Hostels in the City Scheme (DEVB/EDB, 2025-07-21)', url: 'https://www.info.gov.hk/gia/general/202507/21/P2025072100834.htm', estimated: false }),
  P({ key: 'facilitationSavingMonths', group: 'conversions', type: 'number', label: { en: 'Months saved by facilitation', 'zh-HK': '便利措施節省月數' }, unit: 'months', min: 0, max: 36, step: 0.5, default: 7.5,
    description: 'Planning procedures saved by the scheme.', source: '6–9 months (The Star 2025-06-22); default is the midpoint', estimated: true,
    uncertainty: { dist: 'triangular', min: 6, mode: 7.5, max: 9 } }),
  P({ key: 'bedsPerRoom', group: 'conversions', type: 'number', label: { en: 'Beds per hotel room', 'zh-HK': '每酒店房間床位' }, unit: 'beds per room', min: 0.5, max: 6, step: 0.01, default: 2.0,
    description: 'Beds a converted hotel room gives.', source: 'Derived: Pentahotel 2.05, MU88 1.69 (after amenities), youth-hostel conversions 2.0', estimated: true,
    uncertainty: { dist: 'triangular', min: 1.69, mode: 2.0, max: 2.05 } }),
  P({ key: 'conversionFurtherSharePctPerYear', group: 'conversions', type: 'number', label: { en: 'Further conversions a year', 'zh-HK': '每年再改裝比例' }, unit: '% of remaining eligible rooms', min: 0, max: 50, step: 0.1, default: 0,
    description: 'After the applied wave, this share of the remaining eligible hotel rooms converts each year.', source: 'Assumption: no forecast beyond the applications has been published', estimated: true,
    uncertainty: { dist: 'triangular', min: 0, mode: 0, max: 1 } }),
  P({ key: 'conversionMaxRooms', group: 'conversions', type: 'integer', label: { en: 'Largest convertible hotel', 'zh-HK': '可改裝酒店最多房間數' }, unit: 'rooms', min: 10, max: 5000, step: 10, default: 700,
    description: 'Hotels above this size are not candidates unless included by hand.', source: 'The largest converted so far: Pentahotel Kowloon, 695 rooms', estimated: true }),
  P({ key: 'conversionRevertAfterYears', group: 'conversions', type: 'integer', label: { en: 'Revert to hotel after', 'zh-HK': '改回酒店年期' }, unit: 'years (0 = never)', min: 0, max: 50, step: 1, default: 0,
    description: 'Converted hostels return to hotel use after this many years.', source: 'Assumption: no lease term published', estimated: true }),
  P({ key: 'includeGuesthouses', group: 'conversions', type: 'boolean', label: { en: 'Guesthouses as candidates', 'zh-HK': '賓館列作候選' }, unit: 'on/off', default: false,
    description: 'Licensed guesthouses join the candidates (each needs a room count typed in the inspector).', source: 'Scheme prefers whole-building conversion; guesthouses are mostly flats', estimated: false }),
  P({ key: 'conversionCostHkdPerRoom', group: 'conversions', type: 'number', label: { en: 'Acquisition cost per room', 'zh-HK': '每房間收購成本' }, unit: 'HK$ per room', min: 0, max: 20_000_000, step: 100_000, default: 2_900_000,
    description: 'Capital cost indicator for conversions.', source: 'Derived: Popway ~HK$2.9 m per key, Pentahotel ~HK$2.9 m per room', estimated: true }),

  // ---- land sale ----
  P({ key: 'landSaleTenderYear', group: 'landSale', type: 'year', label: { en: 'Tender year', 'zh-HK': '招標學年' }, unit: 'academic year', min: 2024, max: 2060, step: 1, default: 2026,
    description: 'Academic year the hostel sites are tendered.', source: 'Tender as early as 2026/27 (stheadline/worldjournal 2026-01-20)', estimated: false }),
  P({ key: 'buildingCovenantMonths', group: 'landSale', type: 'number', label: { en: 'Building covenant', 'zh-HK': '建築規約期' }, unit: 'months', min: 6, max: 120, step: 1, default: 48,
    description: 'Months from tender to completion.', source: 'Proposed lease terms (worldjournal 2026-01-20)', estimated: false,
    uncertainty: { dist: 'triangular', min: 36, mode: 48, max: 54 } }),
  P({ key: 'landSaleGfaPerBedM2', group: 'landSale', type: 'number', label: { en: 'GFA per bed', 'zh-HK': '每床位樓面面積' }, unit: 'm² GFA per bed', min: 5, max: 60, step: 0.1, default: 16.9,
    description: 'Gross floor area per bed on hostel land-sale and drawn sites.', source: 'Derived: 76,000 m² GFA ÷ ~4,500 beds for the three 2026 sites (news.gov.hk 2026-01-20)', estimated: true,
    uncertainty: { dist: 'triangular', min: 15.2, mode: 16.9, max: 20 } }),
  P({ key: 'landSaleHostelSharePct', group: 'landSale', type: 'number', label: { en: 'Hostel share of GFA', 'zh-HK': '宿舍佔樓面面積比例' }, unit: '% of GFA', min: 0, max: 100, step: 1, default: 100,
    description: 'Share of the site\'s GFA used as student hostel.', source: 'Lease user restricted to student hostel (worldjournal 2026-01-20)', estimated: false }),

  // ---- University Town ----
  P({ key: 'uniTownHostelLandSharePct', group: 'universityTown', type: 'number', label: { en: 'Hostel share of site area', 'zh-HK': '宿舍用地佔比' }, unit: '% of site area', min: 0, max: 100, step: 0.1, default: 12.7,
    description: 'Land budget: share of each University Town site given to hostels.', source: 'Derived so that Ngau Tam Mei gives the ~20,000 beds DEVB stated: 20,000 × 16.9 m² ÷ plot ratio 5.8 ÷ 46 ha = 12.7%', estimated: true }),
  P({ key: 'uniTownPlotRatio', group: 'universityTown', type: 'number', label: { en: 'Hostel plot ratio', 'zh-HK': '宿舍地積比率' }, unit: 'plot ratio', min: 0.1, max: 15, step: 0.1, default: 5.8,
    description: 'Plot ratio on University Town hostel land.', source: 'Assumption: the lowest published hostel-site plot ratio (Kai Tak 5.8, 2026); none published for the University Town', estimated: true }),
  P({ key: 'uniTownGfaPerBedM2', group: 'universityTown', type: 'number', label: { en: 'GFA per bed', 'zh-HK': '每床位樓面面積' }, unit: 'm² GFA per bed', min: 5, max: 60, step: 0.1, default: 16.9,
    description: 'Gross floor area per University Town hostel bed.', source: 'Derived: the 2026 land-sale planning ratio (76,000 m² ÷ 4,500 beds)', estimated: true,
    uncertainty: { dist: 'triangular', min: 15.2, mode: 16.9, max: 20 } }),
  P({ key: 'uniTownSiteCoveragePct', group: 'universityTown', type: 'number', label: { en: 'Site coverage', 'zh-HK': '上蓋面積' }, unit: '% of site area', min: 5, max: 100, step: 1, default: 40,
    description: 'Largest share of a University Town parcel that building footprints may cover. With the height limit it caps the hostel plot ratio: achievable = min(plot ratio, coverage × storeys under the limit); the 3D view sizes every building with it.',
    source: 'Assumption: no site coverage is published for the University Town; set below the Kai Tak hostel site\'s published 65% (2026 land sale) to leave space between buildings on a campus', estimated: true }),
  P({ key: 'uniTownFloorToFloorM', group: 'universityTown', type: 'number', label: { en: 'Floor-to-floor height', 'zh-HK': '層高' }, unit: 'm', min: 2.5, max: 8, step: 0.05, default: 3.2,
    description: 'Height of one storey of a University Town building; storeys under the height limit = floor(limit ÷ this).',
    source: 'Assumption: 3.2 m per storey for hostel-type buildings; no floor heights are published for the University Town', estimated: true }),
  P({ key: 'uniTownHeightLimitM', group: 'universityTown', type: 'number', label: { en: 'Building height limit', 'zh-HK': '建築物高度限制' }, unit: 'm', min: 10, max: 300, step: 1, default: 100,
    description: 'No University Town building may be taller. When site coverage × the storeys under it is below the plot ratio, the hostel GFA and beds fall with it.',
    source: 'Assumption: no height restriction is published for the University Town; 100 m does not bind at the default plot ratio (5.8 at 40% coverage needs 15 storeys, 48 m)', estimated: true }),
  P({ key: 'uniTownBuildMonths', group: 'universityTown', type: 'number', label: { en: 'Build time per phase', 'zh-HK': '每期建造時間' }, unit: 'months', min: 6, max: 120, step: 1, default: 48,
    description: 'From the site being available to the first phase\'s beds in use.', source: 'Assumption: the 48-month building covenant of the hostel land sales', estimated: true }),
  P({ key: 'uniTownPhases', group: 'universityTown', type: 'integer', label: { en: 'Phases', 'zh-HK': '分期數目' }, unit: 'phases', min: 1, max: 6, step: 1, default: 2,
    description: 'Hostel beds open in this many equal phases.', source: 'Assumption: no phasing published', estimated: true }),
  P({ key: 'uniTownPhaseGapYears', group: 'universityTown', type: 'integer', label: { en: 'Years between phases', 'zh-HK': '每期相隔年數' }, unit: 'years', min: 0, max: 15, step: 1, default: 3,
    description: 'Years between the opening of successive phases.', source: 'Assumption: no phasing published', estimated: true }),
  P({ key: 'uniTownDelayYears', group: 'universityTown', type: 'integer', label: { en: 'Delay to site availability', 'zh-HK': '用地延遲提供' }, unit: 'years', min: 0, max: 15, step: 1, default: 0,
    description: 'Years added to the published earliest availability of each site.', source: 'Earliest availability: HSK 2026, NTM 2028, NTN 2030 (2025 Policy Address)', estimated: true,
    uncertainty: { dist: 'triangular', min: 0, mode: 0, max: 3 } }),
  P({ key: 'uniTownRoadsSharePct', group: 'universityTown', type: 'number', label: { en: 'Roads share of site area', 'zh-HK': '道路用地佔比' }, unit: '% of site area', min: 0, max: 60, step: 0.5, default: 23,
    description: 'Land budget: share of each University Town site taken by roads (the strips between the use parcels in the 3D view). Does not change the beds.',
    source: 'Ngau Tam Mei NDA land budget (LegCo paper, Nov 2024): roads 23% of 127 ha; applied to the University Town site as an assumption', url: 'https://text.nm-ntm.hk/en/1.html', estimated: true }),
  P({ key: 'uniTownOpenSpaceSharePct', group: 'universityTown', type: 'number', label: { en: 'Open space share of site area', 'zh-HK': '休憩用地佔比' }, unit: '% of site area', min: 0, max: 60, step: 0.5, default: 10,
    description: 'Land budget: share of each University Town site kept as open space (no buildings). Does not change the beds.',
    source: 'Ngau Tam Mei NDA land budget (LegCo paper, Nov 2024): open space 10% of 127 ha; applied to the University Town site as an assumption', url: 'https://text.nm-ntm.hk/en/1.html', estimated: true }),
  P({ key: 'uniTownHospitalSharePct', group: 'universityTown', type: 'number', label: { en: 'Teaching hospital share of site area', 'zh-HK': '教學醫院用地佔比' }, unit: '% of site area', min: 0, max: 60, step: 0.5, default: 0,
    description: 'Land budget: share of the site for a teaching hospital. The academic share is what the hostel, roads, open space, hospital and residential shares leave. Does not change the beds.',
    source: 'Ngau Tam Mei NDA land budget (LegCo paper, Nov 2024): the integrated teaching hospital (7%, ~9 ha) lies outside the ~46 ha University Town, so 0% of it', url: 'https://text.nm-ntm.hk/en/1.html', estimated: false }),
  P({ key: 'uniTownResidentialSharePct', group: 'universityTown', type: 'number', label: { en: 'Residential share of site area', 'zh-HK': '住宅用地佔比' }, unit: '% of site area', min: 0, max: 60, step: 0.5, default: 0,
    description: 'Land budget: share of the site for housing other than student hostels. Does not change the beds.',
    source: 'Ngau Tam Mei NDA land budget (LegCo paper, Nov 2024): residential land (14%, ~18 ha) lies outside the ~46 ha University Town, so 0% of it', url: 'https://text.nm-ntm.hk/en/1.html', estimated: false }),
  P({ key: 'uniTownAcademicPlotRatio', group: 'universityTown', type: 'number', label: { en: 'Academic plot ratio', 'zh-HK': '教學用地地積比率' }, unit: 'plot ratio', min: 0.1, max: 15, step: 0.1, default: 3,
    description: 'Plot ratio on the academic land (teaching, research, the medical school); used by the 3D view only.',
    source: 'Assumption: no plot ratio is published for the University Town', estimated: true }),
  P({ key: 'uniTownOtherPlotRatio', group: 'universityTown', type: 'number', label: { en: 'Hospital and residential plot ratio', 'zh-HK': '醫院及住宅地積比率' }, unit: 'plot ratio', min: 0.1, max: 15, step: 0.1, default: 5,
    description: 'Plot ratio on teaching-hospital and residential land inside a University Town site; used by the 3D view only.',
    source: 'Assumption: no plot ratio is published for these uses in the University Town', estimated: true }),

  // ---- allocation ----
  P({ key: 'gravityDecayKm', group: 'allocation', type: 'number', label: { en: 'Distance decay', 'zh-HK': '距離衰減' }, unit: 'km', min: 0.5, max: 100, step: 0.5, default: 5,
    description: 'Open-market beds are shared among institutions in proportion to unmet demand × exp(−distance ÷ decay).', source: 'Assumption: a bed 5 km away counts 37% as much as one at the campus', estimated: true,
    uncertainty: { dist: 'triangular', min: 3, mode: 5, max: 10 } }),
] as const satisfies readonly ParamSpec[];

export type ParamKey = (typeof PARAM_LIST)[number]['key'];
type SpecOf<K extends ParamKey> = Extract<(typeof PARAM_LIST)[number], { key: K }>;
/** Every parameter, in registry order (the order of the UI, the docs and Monte Carlo sampling). */
export const PARAMS = PARAM_LIST as readonly (ParamSpec & { key: ParamKey })[];
/** A complete set of parameter values, typed from the registry. */
export type Params = { [K in ParamKey]: SpecOf<K>['type'] extends 'boolean' ? boolean : number };

export const PARAM_BY_KEY: Record<ParamKey, ParamSpec> = Object.fromEntries(PARAMS.map((p) => [p.key, p])) as Record<ParamKey, ParamSpec>;
export const PARAM_KEYS = PARAMS.map((p) => p.key) as ParamKey[];
export const GROUPS: { key: ParamGroup; label: { en: string; 'zh-HK': string } }[] = [
  { key: 'enrolment', label: { en: 'Enrolment', 'zh-HK': '收生' } },
  { key: 'hostelPolicy', label: { en: 'Hostel policy', 'zh-HK': '宿舍政策' } },
  { key: 'conversions', label: { en: 'Conversions', 'zh-HK': '改裝' } },
  { key: 'landSale', label: { en: 'Land sale', 'zh-HK': '賣地' } },
  { key: 'universityTown', label: { en: 'University Town', 'zh-HK': '大學城' } },
  { key: 'allocation', label: { en: 'Allocation', 'zh-HK': '分配' } },
  { key: 'run', label: { en: 'Uncertainty and years', 'zh-HK': '不確定性及年份' } },
];

export function defaultParams(): Params {
  return Object.fromEntries(PARAMS.map((p) => [p.key, p.default])) as Params;
}

/** The parameters that carry a Monte Carlo distribution by default. */
export function defaultUncertainty(): Partial<Record<ParamKey, Distribution>> {
  const out: Partial<Record<ParamKey, Distribution>> = {};
  for (const p of PARAMS) if ('uncertainty' in p && p.uncertainty) out[p.key] = { ...p.uncertainty };
  return out;
}
