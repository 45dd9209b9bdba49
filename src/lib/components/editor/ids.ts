// DOM ids the editor's components share (focus moves between them).
export const ACTOR_NAME_INPUT_ID = 'editor-actor-name';
export const ACTOR_LIST_ID = 'editor-actor-list';
