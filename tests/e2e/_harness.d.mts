import type { Browser, BrowserContext, Page } from 'playwright-core';
export const CHROMIUM_ARGS: string[];
export function startPreview(port: number): Promise<{ base: string; stop: () => void }>;
export function launchBrowser(): Promise<Browser>;
export function openPage(browser: Browser, base: string, path?: string, opts?: { viewport?: { width: number; height: number }; onPage?: ((page: Page) => void) | null; settleMs?: number }): Promise<{ page: Page; context: BrowserContext; errors: string[]; blocked: string[] }>;
export function evalWithTimeout<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A, ms?: number): Promise<R>;
export function waitForMap(page: Page, ms?: number): Promise<number>;
export function waitForResults(page: Page, ms?: number): Promise<void>;
export function nonBackgroundPixels(page: Page, selector: string): Promise<number>;
