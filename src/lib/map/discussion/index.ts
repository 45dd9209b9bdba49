// Public API of the discussion document: gaps, development targets, growth-sector notes, comment threads, read markers, mentions.
export * from './schema';
export { DiscussionModel, DISCUSSION_INIT_ORIGIN, initializeDiscussionDocument } from './model';
export type { DiscussionModelOptions, MapAnchorKind } from './model';
export { discussionParts } from './doc';
export type { DiscussionChange, DiscussionParts } from './doc';
export { parseMentions, sameUsername } from './mentions';
export { readComment, readGap, readGrowthSectorNote, readTarget, readThread } from './read';
export type { AnchorCheck } from './read';
export {
	validateCommentInput,
	validateCommentText,
	validateGapInput,
	validateGapPatch,
	validateGrowthSectorNoteInput,
	validateGrowthSectorNotePatch,
	validateTargetInput,
	validateTargetPatch,
	validateThreadInput
} from './validate';
