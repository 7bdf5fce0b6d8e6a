import { describeContract, sqliteStoreUnderTest } from "../support/storeUnderTest";
import { describeConversationStoreContract } from "./conversationStoreContract";

describeContract("conversation store contract", "conversations", describeConversationStoreContract);

// The server writes conversations and turns on the SQLite turn writer thread: the same contract.
describeConversationStoreContract(
  "SqliteStore, turn writer thread",
  sqliteStoreUnderTest("conversations-writer", { writerThread: true }),
);
