// Debian's Chromium driven by playwright-core (its own browser download cannot work here).
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export async function launchBrowser(): Promise<Browser> {
	const executablePath = CHROMIUM_PATHS.find((p) => existsSync(p));
	if (!executablePath) throw new Error('Chromium not found: `apt-get install -y chromium` (or set CHROMIUM_PATH).');
	return chromium.launch({
		executablePath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync']
	});
}
