import { en } from "./en";
import { nl } from "./nl";

/** Both languages, bundled into the server, which renders pages and mails in either. */
export const serverCatalogues = { nl, en };
