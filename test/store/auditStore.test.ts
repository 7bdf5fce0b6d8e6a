import { describeContract } from "../support/storeUnderTest";
import { describeAuditStoreContract } from "./auditStoreContract";

describeContract("audit store contract", "audit", describeAuditStoreContract);
