import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { ensureWebBuilt } from './build';
import { startServer, type RunningServer } from './server';

/**
 * Starts the app (the built web pages, demo data) and a headless Chromium before a test file's
 * tests, hands both to `ready`, and closes them after the file's tests.
 */
export function withServerAndBrowser(ready: (server: RunningServer, browser: Browser) => void): void {
  let server: RunningServer | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    const launched = await launchBrowser();
    close = launched.close;
    ready(server, launched.browser);
  }, 300_000);
  afterAll(async () => {
    await close?.();
    await server?.stop();
  });
}
