// The demo map's content: fictional actors in nine real towns, their sectors and profiles, and the links between them.
import type { ActorKind, LinkFields, LinkKind } from './schema';
import type { ActorRole, SizeClass } from './vocabulary';

/** [key, name, kind, description?]; keys only wire up links and profiles and are not stored. */
export type DemoActor = readonly [key: string, name: string, kind: ActorKind, description?: string];
export type DemoLinkExtras = Pick<LinkFields, 'strength' | 'status' | 'years' | 'evidence'>;
export type DemoLink = readonly [source: string, target: string, kind: LinkKind, extras?: DemoLinkExtras];

export interface DemoTown {
	region: string;
	actors: readonly DemoActor[];
}

/** [key, name, growth]: a growth sector is one the regions' strategies single out. */
export const SECTORS: readonly (readonly [key: string, name: string, growth: boolean])[] = [
	['bio', 'Biotalous', true],
	['wood', 'Puunjalostus', false],
	['maritime', 'Meriteollisuus ja logistiikka', true],
	['tourism', 'Matkailu', false],
	['metal', 'Metalli- ja konepajateollisuus', true],
	['food', 'Elintarvikkeet', false],
	['ict', 'ICT', false]
];

export interface DemoProfile {
	sectors?: readonly string[];
	size?: SizeClass;
	roles?: readonly ActorRole[];
	tags?: readonly string[];
	/** Value of the demo's custom field "Perustamisvuosi" (year founded). */
	founded?: number;
}

/** Roles by kind; a profile's own roles replace these. */
export const DEFAULT_ROLES: Readonly<Record<ActorKind, readonly ActorRole[]>> = {
	company: ['supplier', 'user'],
	education: ['expert'],
	rdi: ['expert'],
	public: ['regulator'],
	development: ['orchestrator'],
	funding: ['funder'],
	association: ['complementor'],
	other: []
};

export const PROFILES: Readonly<Record<string, DemoProfile>> = {
	iisPuu: { sectors: ['wood'], size: '20-49', founded: 1987, tags: ['ikkunat'] },
	iisMaito: { sectors: ['food'], size: '50-99', founded: 1994, tags: ['vienti'] },
	iisOpisto: { sectors: ['wood', 'food'] },
	iisLab: { sectors: ['food'], roles: ['expert', 'supplier'] },
	raaTeras: { sectors: ['metal'], size: '250-499', founded: 1972, roles: ['leader', 'user'], tags: ['vienti', 'vihreä siirtymä'] },
	raaKonepaja: { sectors: ['metal'], size: '10-19', founded: 2003, roles: ['supplier'] },
	raaKampus: { sectors: ['metal'] },
	raaRdi: { sectors: ['metal'] },
	raaKehitys: { sectors: ['metal', 'maritime'] },
	savPuu: { sectors: ['wood'], size: '50-99', founded: 1999, tags: ['puurakentaminen'] },
	savMatkailu: { sectors: ['tourism'], size: '5-9', founded: 2011 },
	savKampus: { sectors: ['wood'] },
	savRdi: { sectors: ['bio', 'wood'], tags: ['kiertotalous'] },
	kriHamn: { sectors: ['maritime'], size: '20-49', founded: 1965 },
	kriVind: { sectors: ['maritime'], size: '10-19', founded: 2014, tags: ['tuulivoima', 'vihreä siirtymä'] },
	kriSkola: { sectors: ['maritime'] },
	heiBio: { sectors: ['bio'], size: '20-49', founded: 2016, tags: ['biohiili', 'kiertotalous'] },
	heiSahat: { sectors: ['wood', 'bio'], size: '100-249', founded: 1958 },
	heiOpisto: { sectors: ['wood'] },
	heiKehitys: { sectors: ['bio'] },
	kauKone: { sectors: ['metal'], size: '50-99', founded: 1981 },
	kauRuoka: { sectors: ['food'], size: '100-249', founded: 1990, roles: ['leader', 'user'], tags: ['vienti'] },
	kauKampus: { sectors: ['food'] },
	kauRdi: { sectors: ['food'] },
	kauKehitys: { sectors: ['food', 'metal'] },
	kauRahasto: { sectors: ['food'] },
	keuVene: { sectors: ['metal'], size: '20-49', founded: 1977, tags: ['veneet'] },
	keuHirsi: { sectors: ['wood'], size: '20-49', founded: 1985, tags: ['hirsirakentaminen'] },
	keuOpisto: { sectors: ['metal', 'wood'] },
	keuYhdistys: { sectors: ['metal'] },
	rauMeri: { sectors: ['maritime'], size: '500-999', founded: 1945, roles: ['leader', 'user'], tags: ['vienti'] },
	rauSatama: { sectors: ['maritime'], size: '100-249', founded: 1970 },
	rauKampus: { sectors: ['maritime'] },
	rauRdi: { sectors: ['maritime', 'ict'] },
	rauKehitys: { sectors: ['maritime', 'ict'] },
	natMatkailu: { sectors: ['tourism'], size: '10-19', founded: 2002, tags: ['luontomatkailu'] },
	natHirsi: { sectors: ['wood'], size: '5-9', founded: 2008, tags: ['hirsirakentaminen'] },
	natOpisto: { sectors: ['tourism'] },
	natRdi: { sectors: ['tourism', 'ict'] },
	natKehitys: { sectors: ['tourism'] },
	natYhdistys: { sectors: ['tourism'] }
};

/** Strength of a link by kind, unless the link says otherwise. */
export const DEFAULT_STRENGTH: Readonly<Record<LinkKind, number>> = {
	rdi_project: 3,
	education: 3,
	customer_supplier: 4,
	funding: 3,
	pilot_environment: 3,
	mobility: 2,
	membership: 2,
	informal: 1
};

// Every actor is fictional; only the towns and the region Naturpolis (Kuusamo area) are real.
export const TOWNS: readonly DemoTown[] = [
	{
		region: 'Iisalmi',
		actors: [
			['iisPuu', 'Iisalmen Puutekniikka Oy', 'company', 'Puurakenteiden ja ikkunoiden alihankkija.'],
			['iisMaito', 'Ylä-Savon Meijeriteknologia Oy', 'company', 'Juustojen ja maitojauheiden prosessiteknologiaa.'],
			['iisOpisto', 'Koljonvirran ammattiopisto', 'education'],
			['iisLab', 'Iisalmen elintarvikelaboratorio', 'rdi'],
			['iisYp', 'Iisalmen kaupungin yrityspalvelut', 'public'],
			['iisYrittajat', 'Iisalmen Yrittäjäpiiri ry', 'association']
		]
	},
	{
		region: 'Raahe',
		actors: [
			['raaTeras', 'Raahen Teräsrakenne Oy', 'company', 'Teräsrakenteiden valmistaja ja hitsauspalvelut.'],
			['raaKonepaja', 'Pattijoen Konepaja Oy', 'company'],
			['raaKampus', 'Raahen teknologiakampus', 'education'],
			['raaRdi', 'Terästutkimuksen keskus Raahe', 'rdi'],
			['raaKehitys', 'Raahen Seutukehitys Oy', 'development']
		]
	},
	{
		region: 'Savonlinna',
		actors: [
			['savPuu', 'Saimaan Puurakenne Oy', 'company'],
			['savMatkailu', 'Haapaveden Elämysmatkat Oy', 'company'],
			['savKampus', 'Savonlinnan puukampus', 'education'],
			['savRdi', 'Kuitulaboratorio Saimaa', 'rdi', 'Puukuitujen ja biomateriaalien sovellustutkimus.'],
			['savYp', 'Savonlinnan elinkeinopalvelut', 'public'],
			['savRahasto', 'Itä-Savon Kasvurahasto', 'funding']
		]
	},
	{
		region: 'Kristiinankaupunki',
		actors: [
			['kriHamn', 'Kristinestads Hamnservice Ab', 'company'],
			['kriVind', 'Sydkustens Vindkraft Ab', 'company', 'Planerar och underhåller vindkraftsparker längs kusten.'],
			['kriSkola', 'Kristinestads Yrkesskola', 'education'],
			['kriNaring', 'Kristinestads näringslivstjänster', 'public'],
			['kriGille', 'Kristinestads Handelsgille rf', 'association']
		]
	},
	{
		region: 'Heinola',
		actors: [
			['heiBio', 'Heinolan Biojalostamo Oy', 'company', 'Jalostaa sahanpurua ja kuorta biohiileksi.'],
			['heiSahat', 'Jyrängön Sahat Oy', 'company'],
			['heiOpisto', 'Heinolan ammattikampus', 'education'],
			['heiYp', 'Heinolan elinvoimapalvelut', 'public'],
			['heiKehitys', 'Päijät-Hämeen Kasvuyhtiö Oy', 'development']
		]
	},
	{
		region: 'Kauhajoki',
		actors: [
			['kauKone', 'Kauhajoen Maatalouskone Oy', 'company'],
			['kauRuoka', 'Lakeuden Ruokatehdas Oy', 'company'],
			['kauKampus', 'Kauhajoen ruokakampus', 'education'],
			['kauRdi', 'Suupohjan ruokainnovaatiokeskus', 'rdi', 'Elintarvikkeiden tuotekehityksen testikeittiö ja laboratorio.'],
			['kauKehitys', 'Suupohjan Kehitys Oy', 'development'],
			['kauRahasto', 'Etelä-Pohjanmaan Maaseuturahasto', 'funding']
		]
	},
	{
		region: 'Keuruu',
		actors: [
			['keuVene', 'Keurusselän Veneveistämö Oy', 'company', 'Alumiini- ja lasikuituveneiden valmistaja.'],
			['keuHirsi', 'Keuruun Hirsitalo Oy', 'company'],
			['keuOpisto', 'Keurusseudun ammattiopisto', 'education'],
			['keuYp', 'Keuruun yrityspalvelut', 'public'],
			['keuYhdistys', 'Keuruun Veneteollisuuden yhdistys ry', 'association']
		]
	},
	{
		region: 'Rauma',
		actors: [
			['rauMeri', 'Rauman Meriteknologia Oy', 'company'],
			['rauSatama', 'Rauman Satamalogistiikka Oy', 'company'],
			['rauKampus', 'Rauman merenkulun kampus', 'education'],
			['rauRdi', 'Meriteknologian tutkimuskeskus Rauma', 'rdi', 'Laivojen energiatehokkuuden tutkimus.'],
			['rauKehitys', 'Rauman Seudun Kasvu Oy', 'development'],
			['rauRahasto', 'Satakunnan Innovaatiorahasto', 'funding']
		]
	},
	{
		region: 'Naturpolis',
		actors: [
			['natMatkailu', 'Kuusamon Erämatkat Oy', 'company'],
			['natHirsi', 'Koillismaan Hirsirakenne Oy', 'company'],
			['natOpisto', 'Koillismaan matkailuopisto', 'education'],
			['natRdi', 'Koillismaan luontomatkailun tutkimusasema', 'rdi', 'Luontomatkailun kävijätutkimus ja palvelumuotoilu.'],
			['natKehitys', 'Koillismaan Yrityskehitys', 'development'],
			['natYhdistys', 'Kuusamon Matkailuyrittäjät ry', 'association']
		]
	}
];

export const LINKS: readonly DemoLink[] = [
	// Within towns
	['iisOpisto', 'iisPuu', 'education'],
	['iisMaito', 'iisLab', 'rdi_project'],
	['iisLab', 'iisOpisto', 'pilot_environment'],
	['iisYp', 'iisPuu', 'informal'],
	['iisPuu', 'iisYrittajat', 'membership'],
	['iisMaito', 'iisYrittajat', 'membership'],
	['raaKonepaja', 'raaTeras', 'customer_supplier'],
	['raaKampus', 'raaTeras', 'education'],
	['raaRdi', 'raaTeras', 'rdi_project'],
	['raaKampus', 'raaRdi', 'mobility'],
	['raaKehitys', 'raaKonepaja', 'informal'],
	['savKampus', 'savPuu', 'education'],
	['savRdi', 'savPuu', 'rdi_project'],
	['savRahasto', 'savPuu', 'funding'],
	['savYp', 'savMatkailu', 'informal'],
	['savRdi', 'savKampus', 'pilot_environment'],
	['kriHamn', 'kriVind', 'customer_supplier'],
	['kriSkola', 'kriHamn', 'education'],
	['kriNaring', 'kriVind', 'informal'],
	['kriHamn', 'kriGille', 'membership'],
	['kriVind', 'kriGille', 'membership'],
	['heiSahat', 'heiBio', 'customer_supplier'],
	['heiOpisto', 'heiSahat', 'education'],
	['heiKehitys', 'heiBio', 'pilot_environment'],
	['heiYp', 'heiKehitys', 'informal'],
	['kauKampus', 'kauRuoka', 'education'],
	['kauRdi', 'kauRuoka', 'rdi_project'],
	['kauRahasto', 'kauRdi', 'funding'],
	['kauKone', 'kauKehitys', 'informal'],
	['kauRdi', 'kauKampus', 'pilot_environment'],
	['keuOpisto', 'keuVene', 'education'],
	['keuHirsi', 'keuVene', 'customer_supplier'],
	['keuVene', 'keuYhdistys', 'membership'],
	['keuHirsi', 'keuYhdistys', 'membership'],
	['keuYp', 'keuVene', 'informal'],
	['rauSatama', 'rauMeri', 'customer_supplier'],
	['rauKampus', 'rauMeri', 'education'],
	['rauRdi', 'rauMeri', 'rdi_project'],
	['rauRahasto', 'rauRdi', 'funding'],
	['rauKehitys', 'rauSatama', 'informal'],
	['rauKampus', 'rauRdi', 'mobility'],
	['natOpisto', 'natMatkailu', 'education'],
	['natRdi', 'natMatkailu', 'pilot_environment'],
	['natKehitys', 'natHirsi', 'informal'],
	['natMatkailu', 'natYhdistys', 'membership'],
	['natKehitys', 'natRdi', 'funding'],
	// Across towns
	['raaRdi', 'rauRdi', 'rdi_project', { strength: 4, years: { from: 2019 } }],
	['raaTeras', 'rauMeri', 'customer_supplier', { strength: 5 }],
	['rauSatama', 'kriHamn', 'informal'],
	['kriVind', 'raaTeras', 'customer_supplier'],
	['kauRdi', 'iisLab', 'rdi_project'],
	['iisMaito', 'kauRuoka', 'customer_supplier'],
	['savPuu', 'keuHirsi', 'customer_supplier'],
	['savRdi', 'heiBio', 'rdi_project', { years: { from: 2021, to: 2024 }, evidence: 'Yhteishankkeen loppuraportti (kuvitteellinen).' }],
	['heiSahat', 'savRdi', 'rdi_project'],
	['keuOpisto', 'rauKampus', 'mobility'],
	['natMatkailu', 'savMatkailu', 'informal'],
	['natOpisto', 'savKampus', 'mobility'],
	['natHirsi', 'keuHirsi', 'informal'],
	['kauKampus', 'kriSkola', 'mobility'],
	['kauRahasto', 'kriVind', 'funding', { status: 'planned', evidence: 'Rahoitushakemus valmisteilla (kuvitteellinen).' }],
	['savRahasto', 'heiKehitys', 'funding'],
	['rauRahasto', 'raaRdi', 'funding'],
	['iisOpisto', 'natOpisto', 'mobility'],
	['heiKehitys', 'raaKehitys', 'informal'],
	['natKehitys', 'kauKehitys', 'informal'],
	['iisYp', 'keuYp', 'informal'],
	// Planned links and gaps a workshop named
	['savRdi', 'natHirsi', 'rdi_project', { status: 'planned', strength: 2 }],
	['keuVene', 'rauRdi', 'rdi_project', { status: 'planned' }],
	['kriVind', 'kriSkola', 'education', { status: 'gap', evidence: 'Tuulivoima-asentajien koulutus puuttuu seudulta.' }],
	['heiBio', 'heiOpisto', 'education', { status: 'gap' }],
	['natRdi', 'rauRdi', 'rdi_project', { status: 'gap' }]
];

