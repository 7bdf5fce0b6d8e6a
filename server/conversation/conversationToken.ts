import { createHash, randomBytes } from "node:crypto";

/** A new bearer secret for a conversation: 256 random bits, URL-safe. */
export function newConversationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps instead of the token: its SHA-256, so a leaked database opens no conversation. */
export function hashConversationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
