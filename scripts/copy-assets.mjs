// Copies the compiled design-system files that the templates use into
// site/static/vendor/dkfds (git-ignored), so collectstatic and whitenoise serve them.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const source = "node_modules/dkfds/dist";
const target = "site/static/vendor/dkfds";
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const folder of ["css", "fonts", "img", "js"]) {
  cpSync(`${source}/${folder}`, `${target}/${folder}`, { recursive: true });
}
console.log(`dkfds copied to ${target}`);
