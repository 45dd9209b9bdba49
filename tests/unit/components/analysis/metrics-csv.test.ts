// The metrics CSV: one row per actor with every metric under its API name, safe for spreadsheets (quotes, commas, formulas).
import { describe, it, expect } from 'vitest';
import { metricsCsv } from '$lib/components/analysis/metrics-csv';
import type { ActorMetrics } from '$lib/analysis/types';

const metrics = (id: string, community: number): ActorMetrics => ({ id, degree: 2, inDegree: 1, outDegree: 1, weightedDegree: 3.5, betweenness: 0.25, closeness: 0.5, eigenvector: 0.1, pagerank: 0.05, community });
const names = {
	header: { id: 'id', name: 'nimi', town: 'kunta' },
	actor: (id: string) => (id === 'a' ? { name: 'Alfa "Oy", Iisalmi', town: 'Iisalmi' } : { name: '=HYPERLINK("x")', town: '' })
};

describe('metricsCsv', () => {
	const csv = metricsCsv({ actors: [metrics('a', 0), metrics('b', 2)] }, names);
	const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

	it('starts with a BOM and uses CRLF line ends', () => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines).toHaveLength(4);
		expect(lines[3]).toBe('');
	});

	it('has translated id, name and town headers and the metrics under their API names', () => {
		expect(lines[0]).toBe('id,nimi,kunta,degree,inDegree,outDegree,weightedDegree,betweenness,closeness,eigenvector,pagerank,community');
	});

	it('quotes commas and quotes, and numbers communities from 1', () => {
		expect(lines[1]).toBe('a,"Alfa ""Oy"", Iisalmi",Iisalmi,2,1,1,3.5,0.25,0.5,0.1,0.05,1');
	});

	it('keeps a spreadsheet from running a name as a formula', () => {
		expect(lines[2]!.split(',')[1]).toBe(`"'=HYPERLINK(""x"")"`);
		expect(lines[2]!.endsWith(',3')).toBe(true);
	});
});
