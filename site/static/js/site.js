// "Kopiér link": copies a recommendation's stable URL. Without JavaScript the
// link simply opens the recommendation's own page, whose address can be copied.
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a.copy-link[data-copy]");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  const live = document.getElementById("live-region");
  try {
    await navigator.clipboard.writeText(link.dataset.copy);
    if (live) live.textContent = live.dataset.copied;
    link.classList.add("copy-link--done");
  } catch {
    window.location.href = link.href;
  }
});

// The document's contents (details[data-open-wide]): open beside the text on wide
// screens, a closed disclosure on narrow ones and at zoom, so the text comes first.
const wideScreen = window.matchMedia("(min-width: 62em)");
const placeDocumentNav = () => {
  for (const details of document.querySelectorAll("details[data-open-wide]")) {
    details.open = wideScreen.matches;
  }
};
wideScreen.addEventListener("change", placeDocumentNav);
placeDocumentNav();

// Paper shows everything: closed disclosures (a recommendation's rationale) open
// for printing, and close again afterwards. CSS cannot open them in every browser.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll("main details:not([open])")];
  for (const details of openedForPrint) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint = [];
});

// "Var siden nyttig?": answered in place. The forms post as they would without
// JavaScript; the reply (thanks, the comment form, or why it was refused) takes
// the form's place, and focus moves to it.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("[data-page-feedback] form");
  if (!form) return;
  event.preventDefault();
  const data = new FormData(form);
  if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
  let reply;
  try {
    const response = await fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } });
    reply = (await response.json()).html;
  } catch (error) {
    // The page answers without JavaScript too: post the form as it would have been.
    if (event.submitter && event.submitter.name) {
      const chosen = document.createElement("input");
      chosen.type = "hidden";
      chosen.name = event.submitter.name;
      chosen.value = event.submitter.value;
      form.append(chosen);
    }
    HTMLFormElement.prototype.submit.call(form);
    return;
  }
  const holder = form.closest("[data-page-feedback]");
  holder.innerHTML = reply;
  const target = holder.querySelector("textarea") || holder.querySelector("[role=status], [role=alert]");
  if (target) {
    if (!target.matches("textarea")) target.setAttribute("tabindex", "-1");
    target.focus();
  }
});
