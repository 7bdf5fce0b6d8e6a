/** The id of the small flow that looks up a submitted dossier: receipt code, then phone. */
export const STATUS_LOOKUP_FLOW_ID = "tra-cuu-ho-so";
