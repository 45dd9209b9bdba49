// Starts the editor's discussion for a map: the members come from the editor page's data, commenters and up may write.
import { page } from '$app/state';
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import { DiscussionSession, type Member } from './discussion-session.svelte';

export interface OpenDiscussionOptions {
	mapId: string;
	user: { id: string; username: string; displayName: string };
	role: 'owner' | 'editor' | 'commenter' | 'viewer';
	editor: EditorSession;
}

export function openDiscussion({ mapId, user, role, editor }: OpenDiscussionOptions): DiscussionSession {
	const members = ((page.data as { members?: Member[] }).members ?? []).slice();
	const discussion = new DiscussionSession({ mapId, user, canWrite: role !== 'viewer', members, editor });
	// Commenting is what a commenter came for: their panel starts open.
	discussion.open = role === 'commenter';
	return discussion;
}
