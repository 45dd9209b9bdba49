// A deterministic large map: the same seed gives the same document, byte for byte, built through
// the real MapModel (validation, nested Y.Maps) the way the server and editors write maps.
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { ACTOR_KINDS, LINK_KINDS, MapModel, initializeDocument } from '../../src/lib/map';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_LENGTH = 16;
const REGION_COUNT = 12;
/** Canvas extent the generated positions fall in (a large, spread-out ecosystem). */
const SPREAD = 20_000;
const START_TIME = Date.UTC(2025, 0, 1);
const SYLLABLES = ['kes', 'ki', 'la', 'poh', 'jois', 'sa', 'vo', 'ta', 'mi', 'ne', 'ur', 'ho', 'kan', 'te', 'lu', 'va', 'rin', 'ko'];
const SUFFIXES = ['Oy', 'Ab', 'ry', 'Oyj', 'kunta', 'ammattikorkeakoulu', 'yliopisto', 'säätiö', 'kehitys Oy', 'osuuskunta'];
const WORDS = ['innovaatio', 'yhteistyö', 'tutkimus', 'pilotti', 'koulutus', 'rahoitus', 'verkosto', 'kehitys', 'alusta', 'hanke'];

export interface GeneratedMap {
	doc: Y.Doc;
	model: MapModel;
	actorIds: string[];
	linkIds: string[];
}

/** lib0's `oneOf` takes mutable arrays only; the schema's lists are readonly. */
export function pick<T>(gen: prng.PRNG, list: readonly T[]): T {
	return list[prng.int32(gen, 0, list.length - 1)]!;
}

function word(gen: prng.PRNG, syllables: number): string {
	let text = '';
	for (let i = 0; i < syllables; i++) text += prng.oneOf(gen, SYLLABLES);
	return text[0]!.toUpperCase() + text.slice(1);
}

function sentence(gen: prng.PRNG, words: number): string {
	return Array.from({ length: words }, () => prng.oneOf(gen, WORDS)).join(' ') + '.';
}

/** A map with `actorCount` actors and `linkCount` links (distinct endpoints), made from `seed`. */
export function generateMap(seed: number, actorCount: number, linkCount: number): GeneratedMap {
	const gen = prng.create(seed);
	const doc = new Y.Doc();
	// A fixed client id keeps the encoding identical between runs.
	doc.clientID = prng.uint32(gen, 1, 0x7fffffff);
	let clock = START_TIME;
	const model = new MapModel(doc, undefined, {
		newId: () => Array.from({ length: ID_LENGTH }, () => ID_ALPHABET[prng.int32(gen, 0, 63)]).join(''),
		now: () => (clock += 60_000)
	});
	initializeDocument(doc, { title: `Generated map ${actorCount}/${linkCount} (seed ${seed})` });
	const actorIds: string[] = [];
	const linkIds: string[] = [];
	model.transact(() => {
		const regions = Array.from({ length: REGION_COUNT }, () => model.addRegion({ name: `${word(gen, 2)}n seutu` }));
		for (let i = 0; i < actorCount; i++) {
			actorIds.push(
				model.addActor({
					name: `${word(gen, prng.int32(gen, 2, 4))} ${prng.oneOf(gen, SUFFIXES)}`,
					kind: pick(gen, ACTOR_KINDS),
					pos: { x: (prng.real53(gen) - 0.5) * SPREAD, y: (prng.real53(gen) - 0.5) * SPREAD },
					region: prng.real53(gen) < 0.6 ? prng.oneOf(gen, regions) : undefined,
					description: prng.real53(gen) < 0.3 ? sentence(gen, prng.int32(gen, 6, 20)) : undefined
				})
			);
		}
		for (let i = 0; i < linkCount; i++) {
			const source = prng.oneOf(gen, actorIds);
			let target = prng.oneOf(gen, actorIds);
			while (target === source) target = prng.oneOf(gen, actorIds);
			linkIds.push(
				model.addLink({
					source,
					target,
					kind: pick(gen, LINK_KINDS),
					description: prng.real53(gen) < 0.2 ? sentence(gen, prng.int32(gen, 3, 10)) : undefined
				})
			);
		}
	});
	return { doc, model, actorIds, linkIds };
}
