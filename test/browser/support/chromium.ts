import chromium from '@sparticuz/chromium';
import { mkdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';

const LOCK = join(tmpdir(), 'psm-chromium-unpack.lock');

/** @sparticuz/chromium unpacks its browser into /tmp on first use: one test file at a time, or one would start a half-written binary. */
async function unpackedChromium(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (attempt > 600) throw new Error(`${LOCK} held for a minute: remove it if no test runs`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await chromium.executablePath();
  } finally {
    rmdirSync(LOCK);
  }
}

/**
 * @sparticuz/chromium's flags draw every frame through SwiftShader, a GPU emulated on the CPU: the tests read the
 * DOM and the accessibility tree, and Chromium's software compositor draws the same pages (charts on a 2D canvas
 * included) for about a third of the CPU.
 */
const EMULATED_GPU = new Set(['--ignore-gpu-blocklist', '--in-process-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']);
const ARGS = [...chromium.args.filter((arg) => !EMULATED_GPU.has(arg)), '--disable-gpu', '--disable-software-rasterizer'];

/** The Chromium that `npm ci` brought as a package (nothing downloads a browser), headless. */
export async function launchChromium(): Promise<Browser> {
  return playwright.launch({ executablePath: await unpackedChromium(), args: ARGS, headless: true });
}
