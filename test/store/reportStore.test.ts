import { describeContract } from "../support/storeUnderTest";
import { describeReportStoreContract } from "./reportStoreContract";

describeContract("report store contract", "report", describeReportStoreContract);
