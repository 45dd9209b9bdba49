// cytoscape-svg ships no types: it is a Cytoscape extension (registered with cytoscape.use()) adding `cy.svg()`.
declare module 'cytoscape-svg' {
	import type cytoscape from 'cytoscape';
	const svg: cytoscape.Ext;
	export default svg;
}
