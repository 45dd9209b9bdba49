// Structured log lines (one JSON object per line) on stderr; LOG_LEVEL=debug|info|warn|error|silent.
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
	const level = (process.env.LOG_LEVEL ?? 'info') as Level | 'silent';
	return ORDER[level] ?? ORDER.info;
}

function write(level: Level, event: string, detail?: Record<string, unknown>) {
	if (ORDER[level] < threshold()) return;
	const line: Record<string, unknown> = { time: new Date().toISOString(), level, event, ...detail };
	if (detail?.error instanceof Error) {
		const error = detail.error as Error & { code?: string; cause?: unknown };
		line.error = { message: error.message, code: error.code, cause: String(error.cause ?? '') || undefined };
	}
	process.stderr.write(JSON.stringify(line) + '\n');
}

export const log = {
	debug: (event: string, detail?: Record<string, unknown>) => write('debug', event, detail),
	info: (event: string, detail?: Record<string, unknown>) => write('info', event, detail),
	warn: (event: string, detail?: Record<string, unknown>) => write('warn', event, detail),
	error: (event: string, detail?: Record<string, unknown>) => write('error', event, detail)
};
