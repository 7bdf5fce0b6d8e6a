import { describeContract } from "../support/storeUnderTest";
import { describeRetentionStoreContract } from "./retentionStoreContract";

describeContract("retention store contract", "retention", describeRetentionStoreContract);
