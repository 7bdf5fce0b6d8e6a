/**
 * Who wrote a message of a conversation: the citizen, the assistant, a clerk, or the service
 * itself (a dossier's status change, a handoff notice).
 */
export type MessageAuthor = "citizen" | "bot" | "clerk" | "system";

/**
 * Where a message came from when not from Khai Hộ itself: `zalo`, written by a person in Zalo's
 * own OA chat tool (the citizen has it already); `botpress`, the city's Botpress bot's answer.
 */
export type MessageVia = "zalo" | "botpress";
