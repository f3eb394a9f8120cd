// Builds Safeguard's front-end into ../wwwroot: run with `npm run build` after `npm ci`.
//
// - compiles src/safeguard.scss (GOV.UK Frontend with a system font stack) to wwwroot/css/safeguard.css
// - copies GOV.UK Frontend's ES module bundle to wwwroot/js/govuk-frontend.min.js
// - copies src/safeguard.js (marks the page as JS-capable and runs initAll) to wwwroot/js/
// - copies GOV.UK Frontend's MIT licence text next to the copied files
//
// No fonts and no GOV.UK brand images (crown, crest, GOV.UK icons) are copied: they are for GOV.UK
// services only. The built output is committed, so running the app never needs node or npm.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const wwwroot = join(here, "..", "wwwroot");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
const version = JSON.parse(readFileSync(join(here, "node_modules", "govuk-frontend", "package.json"), "utf8")).version;

for (const folder of ["css", "js", "lib/govuk-frontend"]) {
  rmSync(join(wwwroot, folder), { recursive: true, force: true });
  mkdirSync(join(wwwroot, folder), { recursive: true });
}

const result = sass.compile(join(here, "src", "safeguard.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  // GOV.UK Frontend's own deprecation notices are for its maintainers; ours must stay clean.
  quietDeps: true,
});
if (/@font-face|GDS Transport|\.woff/.test(result.css)) {
  throw new Error("The stylesheet mentions the GDS Transport font; it must not be shipped.");
}
// Sass starts the compressed CSS with a byte order mark when it holds non-ASCII characters; our banner
// comment goes after that mark, since a mark in the middle of the file would break the first rule.
const bom = result.css.startsWith("\uFEFF") ? "\uFEFF" : "";
writeFileSync(join(wwwroot, "css", "safeguard.css"),
  `${bom}/* Safeguard, built on GOV.UK Frontend ${version} (MIT) */\n${result.css.slice(bom.length)}\n`);

cpSync(join(govuk, "govuk-frontend.min.js"), join(wwwroot, "js", "govuk-frontend.min.js"));
cpSync(join(here, "src", "safeguard.js"), join(wwwroot, "js", "safeguard.js"));
cpSync(join(here, "LICENSE-govuk-frontend.txt"), join(wwwroot, "lib", "govuk-frontend", "LICENSE.txt"));
writeFileSync(join(wwwroot, "lib", "govuk-frontend", "README.md"),
  `GOV.UK Frontend ${version} (npm package govuk-frontend), MIT licence (LICENSE.txt).\n` +
  "Its compiled styles are in /css/safeguard.css and its JavaScript in /js/govuk-frontend.min.js.\n" +
  "Rebuild with `npm ci && npm run build` in src/Safeguard.Web/frontend.\n");

console.log(`Built wwwroot with GOV.UK Frontend ${version}: css/safeguard.css (${result.css.length} bytes), js/govuk-frontend.min.js`);
