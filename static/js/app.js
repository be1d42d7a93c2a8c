// Loaded as a module, so no inline script is needed (the CSP forbids them). Browsers
// that do not run modules never get these classes and see the no-JavaScript versions
// of the components, as GOV.UK Frontend intends.
import { initAll } from "../build/govuk/govuk-frontend.min.js";
import { stackTables } from "./stacked-tables.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
stackTables();
