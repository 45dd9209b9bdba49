// Clears what this browser keeps of maps between visits (offline copies), e.g. at logout.
/** Every IndexedDB database Kartta makes starts with this, so logout can find and remove them all. */
export const LOCAL_DB_PREFIX = 'kartta:';

export async function clearLocalData(): Promise<void> {
	if (typeof indexedDB === 'undefined' || !('databases' in indexedDB)) return;
	const databases = await indexedDB.databases();
	await Promise.all(
		databases
			.filter((db) => db.name?.startsWith(LOCAL_DB_PREFIX))
			.map(
				(db) =>
					new Promise<void>((resolve) => {
						const request = indexedDB.deleteDatabase(db.name!);
						request.onsuccess = request.onerror = request.onblocked = () => resolve();
					})
			)
	);
}
