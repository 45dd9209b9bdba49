// A small ecosystem built through the real model: three towns, a growth sector, a custom choice and number field, links of every status.
import { replica } from '../../map/helpers';
import type { MapData, StyleNames } from '$lib/editor/view/style-mapping';

export function smallMap() {
	const { model } = replica();
	const iisalmi = model.addRegion({ name: 'Iisalmi' });
	const kuopio = model.addRegion({ name: 'Kuopio' });
	const bio = model.addSector({ name: 'Biotalous', growth: true });
	const ict = model.addSector({ name: 'ICT' });
	const stage = model.addField({ name: 'Vaihe', type: 'choice', appliesTo: 'actor', options: ['idea', 'kasvu', 'kypsä'] });
	const staff = model.addField({ name: 'Henkilöstö', type: 'number', appliesTo: 'actor' });
	const a = model.addActor({ name: 'Alfa Oy', kind: 'company', region: iisalmi, sectors: [bio], tags: ['Puu'], sizeClass: '10-19', custom: { [stage]: 'kasvu', [staff]: 12 } });
	const b = model.addActor({ name: 'Beta Oy', kind: 'company', region: kuopio, sectors: [ict], custom: { [staff]: 140 } });
	const c = model.addActor({ name: 'Savonia', kind: 'education', region: kuopio, sectors: [ict, bio], roles: ['expert'] });
	const d = model.addActor({ name: 'Ylä-Savon kehitys', kind: 'development', region: iisalmi, tags: ['puu', 'energia'] });
	const e = model.addActor({ name: 'Äänekosken Yksinäinen', kind: 'other' });
	const ab = model.addLink({ source: a, target: b, kind: 'customer_supplier', strength: 4 });
	const cb = model.addLink({ source: c, target: b, kind: 'rdi_project', strength: 2, status: 'planned', direction: 'mutual' });
	const dc = model.addLink({ source: d, target: c, kind: 'funding', status: 'gap' });
	const ad = model.addLink({ source: a, target: d, kind: 'informal', direction: 'undirected', strength: 1 });
	return { model, ids: { iisalmi, kuopio, bio, ict, stage, staff, a, b, c, d, e, ab, cb, dc, ad } };
}

export function dataOf(model: ReturnType<typeof smallMap>['model']): MapData {
	return { actors: model.actors(), links: model.links(), regions: model.regions(), sectors: model.sectors(), fields: model.fields() };
}

export const NAMES: StyleNames = {
	actorKind: (kind) => `kind:${kind}`,
	linkKind: (kind) => `link:${kind}`,
	status: (status) => `status:${status}`,
	role: (role) => `role:${role}`,
	growth: (growth) => (growth ? 'growth' : 'other sectors'),
	none: () => 'none',
	other: () => 'other',
	range: (from, to) => `${from}–${to}`
};
