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
