// The Kartta fields a column can be imported as (besides custom fields, a new field and "do not import").
import type { ActorColumnTarget, LinkColumnTarget } from '$lib/exchange/types';

export const ACTOR_TARGETS: readonly ActorColumnTarget[] = [
	'name', 'kind', 'region', 'description', 'roles', 'sectors', 'businessId', 'sizeClass', 'website', 'tags', 'id', 'x', 'y'
];

export const LINK_TARGETS: readonly LinkColumnTarget[] = [
	'source', 'target', 'kind', 'description', 'strength', 'direction', 'status', 'yearFrom', 'yearTo', 'evidence', 'id'
];
