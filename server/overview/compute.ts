// A map's overview answer from its stored bytes (shared by the worker and the in-thread fallback).
import * as Y from 'yjs';
import { overviewAnswer, type OverviewAnswer } from '../../src/lib/server/overview';

export interface OverviewJob {
	id: number;
	update: Uint8Array;
}

export type OverviewResult = { id: number; ok: true; answer: OverviewAnswer } | { id: number; ok: false; message: string };

/** Builds a throwaway Doc from the bytes and reads its overview; throws if the bytes do not parse. */
export function computeOverview(update: Uint8Array): OverviewAnswer {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, update);
		return overviewAnswer(doc);
	} finally {
		doc.destroy();
	}
}
