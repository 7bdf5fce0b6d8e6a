import { describeContract } from "../support/storeUnderTest";
import { describeConversationStoreContract } from "./conversationStoreContract";

describeContract("conversation store contract", "conversations", describeConversationStoreContract);
