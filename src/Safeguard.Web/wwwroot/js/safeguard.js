// Progressive enhancement: only browsers that run ES modules get here, which is exactly the
// set GOV.UK Frontend supports, so the classes its CSS and JS look for are added here rather
// than by the usual inline <script> (the Content-Security-Policy forbids inline scripts).
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
