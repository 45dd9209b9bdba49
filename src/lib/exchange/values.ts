// Value synonyms: which fi/sv/en words in a file mean which Kartta kind, role, size class, direction or status.
import {
	ACTOR_KINDS,
	ACTOR_ROLES,
	LINK_DIRECTIONS,
	LINK_KINDS,
	LINK_STATUSES,
	SIZE_CLASSES,
	type ActorKind,
	type ActorRole,
	type LinkDirection,
	type LinkKind,
	type LinkStatus,
	type SizeClass
} from '$lib/map';
import { looseKey } from './cells';
import type { ValueMapping } from './types';

const ACTOR_KIND_WORDS: Record<ActorKind, readonly string[]> = {
	company: ['Yritys', 'Yhtiö', 'Firma', 'Företag', 'Bolag', 'Company', 'Business', 'Enterprise'],
	education: ['Oppilaitos', 'Koulutus', 'Korkeakoulu', 'Yliopisto', 'Ammattikorkeakoulu', 'Läroanstalt', 'Utbildning', 'Högskola', 'Universitet', 'Education', 'School', 'University'],
	rdi: ['Tutkimuslaitos', 'TKI', 'TKI-toimija', 'T&K', 'Tutkimus', 'Forskningsinstitut', 'Forskning', 'FoU', 'RDI', 'R&D', 'Research'],
	public: ['Kaupunki', 'Kunta', 'Julkinen', 'Julkinen toimija', 'Viranomainen', 'Kommun', 'Stad', 'Offentlig', 'Myndighet', 'City', 'Municipality', 'Public', 'Public body'],
	development: ['Kehitysyhtiö', 'Elinkeinoyhtiö', 'Kehittämisyhtiö', 'Utvecklingsbolag', 'Development', 'Development company'],
	funding: ['Rahoittaja', 'Rahoitus', 'Finansiär', 'Finansiering', 'Funding', 'Funder', 'Investor'],
	association: ['Yhdistys', 'Järjestö', 'Verkosto', 'Förening', 'Organisation', 'Nätverk', 'Association', 'Network', 'NGO'],
	other: ['Muu', 'Annan', 'Övrig', 'Other']
};

const LINK_KIND_WORDS: Record<LinkKind, readonly string[]> = {
	rdi_project: ['TKI-hanke', 'Tutkimushanke', 'Hanke', 'FoU-projekt', 'Projekt', 'RDI project', 'Project', 'Research project'],
	education: ['Koulutus', 'Harjoittelu', 'Utbildning', 'Praktik', 'Education', 'Training', 'Internship'],
	customer_supplier: ['Asiakkuus', 'Asiakas', 'Toimittaja', 'Kauppa', 'Kund', 'Leverantör', 'Customer', 'Supplier', 'Customer-supplier', 'Trade'],
	funding: ['Rahoitus', 'Finansiering', 'Funding'],
	pilot_environment: ['Pilotointi', 'Pilottiympäristö', 'Testiympäristö', 'Pilotmiljö', 'Testbädd', 'Pilot', 'Pilot environment', 'Testbed'],
	mobility: ['Liikkuvuus', 'Rörlighet', 'Mobility'],
	membership: ['Jäsenyys', 'Jäsen', 'Medlemskap', 'Medlem', 'Membership', 'Member'],
	informal: ['Epävirallinen', 'Informell', 'Informal']
};

const ROLE_WORDS: Record<ActorRole, readonly string[]> = {
	orchestrator: ['Orkestroija', 'Orkestrerare', 'Orchestrator'],
	leader: ['Veturi', 'Veturiyritys', 'Johtaja', 'Ledare', 'Leader'],
	complementor: ['Täydentäjä', 'Kompletterare', 'Complementor'],
	supplier: ['Toimittaja', 'Leverantör', 'Supplier'],
	user: ['Käyttäjä', 'Användare', 'User'],
	expert: ['Asiantuntija', 'Expert'],
	funder: ['Rahoittaja', 'Finansiär', 'Funder'],
	regulator: ['Sääntelijä', 'Viranomainen', 'Tillsynsmyndighet', 'Regulator']
};

const DIRECTION_WORDS: Record<LinkDirection, readonly string[]> = {
	directed: ['Suunnattu', 'Yksisuuntainen', 'Riktad', 'Directed', 'One-way'],
	undirected: ['Suuntaamaton', 'Oriktad', 'Undirected', 'None'],
	mutual: ['Molemminpuolinen', 'Kaksisuuntainen', 'Ömsesidig', 'Mutual', 'Two-way', 'Both']
};

const STATUS_WORDS: Record<LinkStatus, readonly string[]> = {
	existing: ['Olemassa', 'Olemassa oleva', 'Nykyinen', 'Befintlig', 'Existing', 'Current'],
	planned: ['Suunniteltu', 'Planerad', 'Planned'],
	gap: ['Puute', 'Aukko', 'Lucka', 'Gap', 'Missing']
};

/** Loose word -> value, with each value's own key included (Kartta's exports write keys). */
function dictionary<T extends string>(keys: readonly T[], words: Partial<Record<T, readonly string[]>>): Map<string, T> {
	const lookup = new Map<string, T>();
	for (const key of keys) {
		lookup.set(looseKey(key), key);
		for (const word of words[key] ?? []) lookup.set(looseKey(word), key);
	}
	return lookup;
}

/** Size classes are written with any dash and spaces ("10 – 19"). */
function sizeKey(text: string): string {
	return looseKey(text).replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s/g, '');
}

const DICTIONARIES = {
	actorKind: dictionary(ACTOR_KINDS, ACTOR_KIND_WORDS),
	role: dictionary(ACTOR_ROLES, ROLE_WORDS),
	sizeClass: new Map(SIZE_CLASSES.map((size) => [sizeKey(size), size] as [string, SizeClass])),
	linkKind: dictionary(LINK_KINDS, LINK_KIND_WORDS),
	direction: dictionary(LINK_DIRECTIONS, DIRECTION_WORDS),
	status: dictionary(LINK_STATUSES, STATUS_WORDS)
};

export type ValueKind = keyof ValueMapping;

/** The Kartta value a file value most likely means, or undefined when there is no good guess. */
export function suggestValue<K extends ValueKind>(kind: K, text: string): ValueMapping[K][string] | undefined {
	const key = kind === 'sizeClass' ? sizeKey(text) : looseKey(text);
	return (DICTIONARIES[kind] as Map<string, ValueMapping[K][string]>).get(key);
}

/**
 * The value a mapping gives a file value: the mapping's entry for the text as written, then one
 * differing only in case or spacing, then the synonyms. Undefined = unmapped.
 */
export function mapValue<K extends ValueKind>(mapping: ValueMapping, kind: K, text: string): ValueMapping[K][string] | undefined {
	const table = mapping[kind] as Record<string, ValueMapping[K][string]>;
	if (Object.hasOwn(table, text)) return table[text];
	const loose = looseKey(text);
	for (const [written, value] of Object.entries(table)) if (looseKey(written) === loose) return value;
	return suggestValue(kind, text);
}

export function emptyValueMapping(): ValueMapping {
	return { actorKind: {}, role: {}, sizeClass: {}, linkKind: {}, direction: {}, status: {} };
}
