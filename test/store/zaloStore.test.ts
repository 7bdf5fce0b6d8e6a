import { describeContract } from "../support/storeUnderTest";
import { describeZaloStoreContract } from "./zaloStoreContract";

describeContract("zalo store contract", "zalo", describeZaloStoreContract);
