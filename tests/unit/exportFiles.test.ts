/**
 * Chart exports that run without a browser: CSV quoting, the BOM Excel needs for Chinese, numbers,
 * file names, and the PNG legend layout.
 */
import { describe, expect, it } from 'vitest';
import { BOM, csvBlob, csvField, exportFileName, layoutLegend, toCsv, type LegendItem } from '../../src/charts/exportFiles.ts';

describe('csvField', () => {
  it('writes numbers as they are, without grouping, and nothing for missing values', () => {
    expect(csvField(12345)).toBe('12345');
    expect(csvField(-678)).toBe('-678');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('leaves plain text alone, Chinese included', () => {
    expect(csvField('HKU')).toBe('HKU');
    expect(csvField('香港大學')).toBe('香港大學');
    expect(csvField('2030/31')).toBe('2030/31');
    expect(csvField('Gap: market (beds)')).toBe('Gap: market (beds)');
  });

  it('quotes text with commas, quotes, line breaks or edge spaces and doubles inner quotes', () => {
    expect(csvField('Other self-financing, sub-degree')).toBe('"Other self-financing, sub-degree"');
    expect(csvField('the "new" hall')).toBe('"the ""new"" hall"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('香港大學，宿舍')).toBe('香港大學，宿舍'); // full-width comma is not a separator
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('toCsv', () => {
  const rows = [
    ['Code', 'Institution', 'Gap: market (beds)', 'Gap: entitlement (beds)'],
    ['HKU', '香港大學', 13311, 281],
    ['OTHER', '其他自資及副學位院校', 3795, null],
  ];

  it('starts with a UTF-8 BOM, separates rows with CRLF and ends with one', () => {
    const text = toCsv(rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('Code,Institution,Gap: market (beds),Gap: entitlement (beds)\r\nHKU,香港大學,13311,281\r\nOTHER,其他自資及副學位院校,3795,\r\n');
  });

  it('encodes as UTF-8 bytes EF BB BF first, with the Chinese intact', async () => {
    const blob = csvBlob(rows);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('香港大學');
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('keeps every row the same width', () => {
    const lines = toCsv(rows).slice(1).trimEnd().split('\r\n');
    for (const line of lines) expect(line.split(',')).toHaveLength(4);
  });
});

describe('exportFileName', () => {
  it('builds a safe ASCII name from fixed parts', () => {
    expect(exportFileName(['gap-by-institution', 2030], 'csv')).toBe('hostel-planner-gap-by-institution-2030.csv');
    expect(exportFileName(['Beds & Need', 2025, 2040], 'png')).toBe('hostel-planner-beds-need-2025-2040.png');
    expect(exportFileName(['../../etc', '宿位'], 'csv')).toBe('hostel-planner-etc.csv');
  });
});

describe('layoutLegend', () => {
  const item = (label: string): LegendItem => ({ label, color: '#000', kind: 'box' });
  const measure = (s: string) => s.length * 10;

  it('flows items into rows no wider than the image', () => {
    const { placed, rows } = layoutLegend([item('aaaa'), item('bbbb'), item('cccc')], measure, 130, 10, 10);
    // each item: 10 swatch + 5 + 40 text = 55, then 10 spacing → two fit in 130, the third wraps
    expect(placed.map((p) => [p.x, p.row])).toEqual([[0, 0], [65, 0], [0, 1]]);
    expect(rows).toBe(2);
  });

  it('gives an over-long item a row of its own and counts no rows for no items', () => {
    const { placed, rows } = layoutLegend([item('a'), item('x'.repeat(50)), item('b')], measure, 100, 10, 10);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 2]);
    expect(rows).toBe(3);
    expect(layoutLegend([], measure, 100, 10, 10).rows).toBe(0);
  });
});
