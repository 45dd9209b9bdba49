// Column names: the canonical ones Kartta writes (Kumu's layout plus Kartta's fields) and the fi/sv/en synonyms it recognises.
import type { ActorColumnTarget, LinkColumnTarget } from './types';

type StandardActorTarget = Exclude<ActorColumnTarget, `field:${string}` | 'newField' | 'ignore'>;
type StandardLinkTarget = Exclude<LinkColumnTarget, `field:${string}` | 'newField' | 'ignore'>;

/** What exporters write and graph readers name their columns, so the default mapping needs no help. */
export const CANONICAL_COLUMNS = {
	elements: {
		id: 'ID',
		name: 'Label',
		kind: 'Type',
		description: 'Description',
		tags: 'Tags',
		region: 'Town',
		sectors: 'Sectors',
		businessId: 'Business ID',
		roles: 'Roles',
		sizeClass: 'Size class',
		website: 'Website',
		x: 'X',
		y: 'Y'
	} satisfies Record<StandardActorTarget, string>,
	connections: {
		id: 'ID',
		source: 'From',
		target: 'To',
		kind: 'Type',
		direction: 'Direction',
		strength: 'Strength',
		status: 'Status',
		yearFrom: 'Year from',
		yearTo: 'Year to',
		evidence: 'Evidence',
		description: 'Description'
	} satisfies Record<StandardLinkTarget, string>
} as const;

/** Other names people give these columns, in Finnish, Swedish and English (compared without case or extra spaces). */
export const ACTOR_COLUMN_SYNONYMS: Record<StandardActorTarget, readonly string[]> = {
	id: ['ID', 'Id', 'Element ID', 'Tunniste', 'Identifier', 'Kartta ID'],
	name: ['Label', 'Name', 'Nimi', 'Namn', 'Toimija', 'Organisaatio', 'Organisation', 'Organization', 'Aktör', 'Actor'],
	kind: ['Type', 'Kind', 'Tyyppi', 'Laji', 'Typ', 'Toimijatyyppi', 'Aktörstyp', 'Actor type', 'Element type'],
	region: ['Town', 'Region', 'Kunta', 'Kaupunki', 'Kommun', 'Stad', 'City', 'Municipality', 'Paikkakunta', 'Alue', 'Seutu', 'Ort'],
	description: ['Description', 'Kuvaus', 'Beskrivning'],
	tags: ['Tags', 'Tag', 'Tunnisteet', 'Avainsanat', 'Taggar', 'Keywords'],
	sectors: ['Sectors', 'Sector', 'Toimiala', 'Toimialat', 'Sektori', 'Bransch', 'Branscher', 'Industry', 'Industries'],
	businessId: ['Business ID', 'BusinessID', 'Y-tunnus', 'Ytunnus', 'Y tunnus', 'FO-nummer', 'FO nummer', 'Business identity code'],
	roles: ['Roles', 'Role', 'Roolit', 'Rooli', 'Roller', 'Roll'],
	sizeClass: ['Size class', 'Size', 'Kokoluokka', 'Henkilöstön kokoluokka', 'Storleksklass', 'Employees'],
	website: ['Website', 'Web', 'URL', 'Verkkosivut', 'Verkkosivu', 'Kotisivu', 'Kotisivut', 'Webbplats', 'Webbsida', 'Homepage'],
	x: ['X'],
	y: ['Y']
};

export const LINK_COLUMN_SYNONYMS: Record<StandardLinkTarget, readonly string[]> = {
	id: ['ID', 'Id', 'Connection ID', 'Tunniste', 'Kartta ID'],
	source: ['From', 'Source', 'Mistä', 'Lähtöpiste', 'Från', 'Källnod'],
	target: ['To', 'Target', 'Mihin', 'Kohde', 'Till', 'Målnod'],
	kind: ['Type', 'Kind', 'Tyyppi', 'Laji', 'Typ', 'Yhteystyyppi', 'Connection type'],
	description: ['Description', 'Kuvaus', 'Beskrivning'],
	// Not 'Weight': Gephi's weights are fractions, which are no strength 1-5; they become a number field instead.
	strength: ['Strength', 'Vahvuus', 'Styrka'],
	direction: ['Direction', 'Suunta', 'Riktning'],
	status: ['Status', 'Tila'],
	yearFrom: ['Year from', 'Start year', 'Alkuvuosi', 'Vuodesta', 'Från år', 'Startår'],
	yearTo: ['Year to', 'End year', 'Loppuvuosi', 'Vuoteen', 'Till år', 'Slutår'],
	evidence: ['Evidence', 'Näyttö', 'Peruste', 'Tietolähde', 'Belägg']
};

/** Actor targets that can be given once; a second column for one of these is left to the user. */
export const SINGLE_ACTOR_TARGETS = Object.keys(ACTOR_COLUMN_SYNONYMS) as StandardActorTarget[];
export const SINGLE_LINK_TARGETS = Object.keys(LINK_COLUMN_SYNONYMS) as StandardLinkTarget[];

/** Sheet names that hold elements and connections (Kumu's and their Finnish and Swedish equivalents). */
export const ELEMENT_SHEET_NAMES = ['Elements', 'Elementit', 'Toimijat', 'Element', 'Aktörer', 'Actors', 'Nodes'];
export const CONNECTION_SHEET_NAMES = ['Connections', 'Yhteydet', 'Linkit', 'Kopplingar', 'Förbindelser', 'Relationer', 'Links', 'Edges'];
/** Kartta's own extra sheets: custom field types and sectors' growth flags, which Kumu ignores. */
export const FIELDS_SHEET_NAME = 'Kartta fields';
export const SECTORS_SHEET_NAME = 'Kartta sectors';
export const FIELDS_SHEET_COLUMNS = ['Column', 'Name', 'Applies to', 'Type', 'Options'] as const;
export const SECTORS_SHEET_COLUMNS = ['Name', 'Growth', 'Description'] as const;

/** True when a column name is one of the standard names of an actor or link field. */
export function isStandardColumn(target: 'actor' | 'link', name: string): boolean {
	const key = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
	const synonyms = target === 'actor' ? ACTOR_COLUMN_SYNONYMS : LINK_COLUMN_SYNONYMS;
	return Object.values(synonyms).some((names) => names.some((n) => n.toLocaleLowerCase('fi') === key));
}
