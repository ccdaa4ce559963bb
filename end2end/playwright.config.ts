import { defineConfig } from '@playwright/test';

// cargo-leptos starts the release server at LEPTOS_SITE_ADDR before running this suite; the
// Confluence emulator is started here, beside it.
const siteAddr = process.env.LEPTOS_SITE_ADDR ?? '127.0.0.1:3000';
const emulatorPort = process.env.EMULATOR_PORT ?? '3299';
const docServerPort = process.env.DOCSERVER_PORT ?? '3298';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  globalSetup: './global-setup.ts',
  webServer: [
    {
      command: `node emulator/main.mjs --port ${emulatorPort} --app http://${siteAddr} --quiet`,
      url: `http://127.0.0.1:${emulatorPort}/_emu/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // The ONLYOFFICE Document Server stand-in.
      command: `node docserver/main.mjs --port ${docServerPort} --quiet`,
      url: `http://127.0.0.1:${docServerPort}/_ds/api/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: `http://${siteAddr}`,
    browserName: 'chromium',
    // Confluo's screens follow the browser's language: the suite reads them in English unless a
    // test asks for another.
    locale: 'en-US',
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      // The system Chromium: nothing is downloaded.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
