/**
 * Who wrote a message of a conversation: the citizen, the assistant, a clerk, or the service
 * itself (a dossier's status change, a handoff notice).
 */
export type MessageAuthor = "citizen" | "bot" | "clerk" | "system";
