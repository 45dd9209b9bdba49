// Kartta's one addition to the y-websocket wire format, shared by the server and the browser.

/**
 * Server -> client: "your role on this map is now X" (payload: one varString). Sent when an
 * owner changes a member's role while their socket is open, so the page can follow at once.
 * y-websocket uses types 0-3; clients that do not know this type log it and carry on.
 */
export const MESSAGE_ROLE = 10;
