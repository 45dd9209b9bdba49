// A fictional demo map: nine small-town innovation ecosystems and their links, laid out as clusters on a ring.
import type { MapModel } from './model';
import type { ActorKind, LinkKind, Position } from './schema';

export const DEMO_TITLE = 'Demo — seutukaupunkien innovaatioverkosto';

// Layout: town centres on a ring, each town's actors on a small circle around its centre.
const TOWN_RING_RADIUS = 900;
const CLUSTER_RADIUS = 170;
const FIRST_ANGLE = -Math.PI / 2; // first town at the top, then clockwise

/** [key, name, kind, description?]; keys only wire up the links below and are not stored. */
type DemoActor = readonly [key: string, name: string, kind: ActorKind, description?: string];
type DemoLink = readonly [source: string, target: string, kind: LinkKind];

interface DemoTown {
	region: string;
	actors: readonly DemoActor[];
}

// Every actor is fictional; only the towns and the region Naturpolis (Kuusamo area) are real.
const TOWNS: readonly DemoTown[] = [
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

const LINKS: readonly DemoLink[] = [
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
	['raaRdi', 'rauRdi', 'rdi_project'],
	['raaTeras', 'rauMeri', 'customer_supplier'],
	['rauSatama', 'kriHamn', 'informal'],
	['kriVind', 'raaTeras', 'customer_supplier'],
	['kauRdi', 'iisLab', 'rdi_project'],
	['iisMaito', 'kauRuoka', 'customer_supplier'],
	['savPuu', 'keuHirsi', 'customer_supplier'],
	['savRdi', 'heiBio', 'rdi_project'],
	['heiSahat', 'savRdi', 'rdi_project'],
	['keuOpisto', 'rauKampus', 'mobility'],
	['natMatkailu', 'savMatkailu', 'informal'],
	['natOpisto', 'savKampus', 'mobility'],
	['natHirsi', 'keuHirsi', 'informal'],
	['kauKampus', 'kriSkola', 'mobility'],
	['kauRahasto', 'kriVind', 'funding'],
	['savRahasto', 'heiKehitys', 'funding'],
	['rauRahasto', 'raaRdi', 'funding'],
	['iisOpisto', 'natOpisto', 'mobility'],
	['heiKehitys', 'raaKehitys', 'informal'],
	['natKehitys', 'kauKehitys', 'informal'],
	['iisYp', 'keuYp', 'informal']
];

function pointOnCircle(centre: Position, radius: number, index: number, count: number): Position {
	const angle = FIRST_ANGLE + (2 * Math.PI * index) / count;
	// Whole units: tidy numbers, and integers encode smaller than floats in Yjs updates.
	return { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) };
}

export interface DemoSummary {
	regions: number;
	actors: number;
	links: number;
}

/** Adds the demo content to an (empty) map in one transaction; meant for the server when a demo map is created. */
export function populateDemoMap(model: MapModel): DemoSummary {
	const origin: Position = { x: 0, y: 0 };
	return model.transact(() => {
		model.setTitle(DEMO_TITLE);
		const actorIds = new Map<string, string>();
		TOWNS.forEach((town, townIndex) => {
			const region = model.addRegion({ name: town.region });
			const centre = pointOnCircle(origin, TOWN_RING_RADIUS, townIndex, TOWNS.length);
			town.actors.forEach(([key, name, kind, description], actorIndex) => {
				const pos = pointOnCircle(centre, CLUSTER_RADIUS, actorIndex, town.actors.length);
				actorIds.set(key, model.addActor({ name, kind, region, pos, description }));
			});
		});
		for (const [source, target, kind] of LINKS) {
			const sourceId = actorIds.get(source);
			const targetId = actorIds.get(target);
			if (sourceId === undefined || targetId === undefined) {
				throw new Error(`Demo data error: link ${source} -> ${target} names an unknown actor.`);
			}
			model.addLink({ source: sourceId, target: targetId, kind });
		}
		return { regions: TOWNS.length, actors: actorIds.size, links: LINKS.length };
	});
}
