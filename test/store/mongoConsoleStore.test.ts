import { describeOnMongo, mongoStoreUnderTest } from "../support/storeUnderTest";
import { describeConsoleStoreContract } from "./consoleStoreContract";

describeOnMongo("console store contract", (uri) => {
  describeConsoleStoreContract("MongoStore", mongoStoreUnderTest(uri, "console_test").make);
});
