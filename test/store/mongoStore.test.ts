import { describeOnMongo, mongoStoreUnderTest } from "../support/storeUnderTest";
import { describeStoreContract } from "./storeContract";

describeOnMongo("store contract", (uri) => {
  describeStoreContract("MongoStore", mongoStoreUnderTest(uri, "test").make);
});
