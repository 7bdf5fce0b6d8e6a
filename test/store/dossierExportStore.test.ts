import { describeContract } from "../support/storeUnderTest";
import { describeDossierExportStoreContract } from "./dossierExportStoreContract";

describeContract("dossier export store contract", "export", describeDossierExportStoreContract);
