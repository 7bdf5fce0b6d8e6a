import { describeContract } from "../support/storeUnderTest";
import { describeDossierStoreContract } from "./dossierStoreContract";

describeContract("dossier store contract", "dossiers", describeDossierStoreContract);
