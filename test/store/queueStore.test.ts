import { describeContract } from "../support/storeUnderTest";
import { describeQueueStoreContract } from "./queueStoreContract";

describeContract("queue store contract", "queue", describeQueueStoreContract);
