import { describeContract } from "../support/storeUnderTest";
import { describeAccountStoreContract } from "./accountStoreContract";

describeContract("account store contract", "accounts", describeAccountStoreContract);
