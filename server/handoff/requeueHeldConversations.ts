import type { ConversationService } from "../conversation/conversationService";
import type { Logger } from "../logger";
import type { Store } from "../store/store";

/**
 * A city's conversations held by clerks at one time: a few per clerk signed in. Past it, the
 * next account change or restart picks up the rest.
 */
const HELD_AT_ONCE = 1000;

/**
 * Puts the conversations held by clerks who can no longer answer (disabled, gone) back in their
 * unit's queue, through the engine like any clerk action, so each citizen is told in their
 * language. Returns how many moved.
 */
export async function requeueHeldConversations(
  store: Store,
  service: ConversationService,
  logger: Logger,
  clerkIds: ReadonlySet<string>,
): Promise<number> {
  if (clerkIds.size === 0) return 0;
  const held = (await store.listConversations({ unitIds: null, statuses: ["with_clerk"], limit: HELD_AT_ONCE })).filter(
    (c) => c.state.clerk && clerkIds.has(c.state.clerk.id),
  );
  let moved = 0;
  for (const record of held) {
    const clerk = record.state.clerk!;
    const outcome = await service.clerkAction(record.id, clerk, {
      kind: "clerkGone",
      clerk: { id: clerk.id, name: clerk.name },
    });
    // Refused means another node (or a colleague) moved it first: nothing left to do.
    if (outcome.ok) {
      moved += 1;
      logger.info(
        { event: "clerk.requeued", conversationId: record.id, clerkId: clerk.id, unitId: record.state.unitId },
        "conversation back in the queue: its clerk was disabled",
      );
    }
  }
  return moved;
}
