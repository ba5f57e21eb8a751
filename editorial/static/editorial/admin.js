/* Names for what Wagtail's admin leaves nameless (WCAG 4.1.2, 1.3.1):
 *
 * - the rich-text editors: Draftail's editable area (role="textbox") has no
 *   name, and the field's <label> points at a hidden input. The area is named
 *   by that label (aria-labelledby), or by the block's label in a StreamField.
 * - the search forms (role="search"): the sidebar's, the header's and the
 *   dashboard's are landmarks with no name, which screen readers list as
 *   several identical "search" regions. Each is named by its field's label or
 *   placeholder.
 * - the dialogs Wagtail builds in script for approving and requesting changes
 *   (ModalWorkflow: a role="dialog" with no name), named by their heading.
 *
 * Draftail and the sidebar are drawn by scripts after the page loads, and
 * StreamField blocks are added while editing, so this runs again on changes.
 */
(() => {
  let counter = 0;

  function idOf(element) {
    if (!element.id) {
      counter += 1;
      element.id = `editorial-label-${counter}`;
    }
    return element.id;
  }

  // The field's visible label: the one for the hidden input Draftail writes
  // to, or else the first label in the field's wrapper.
  function fieldLabel(editor) {
    const field = editor.closest("[data-field], .w-field");
    const input = field && field.querySelector("input[type='hidden'][id]");
    const forInput = input && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (forInput && forInput.textContent.trim()) return forInput;
    const wrapper = editor.closest("[data-field-wrapper], .w-field__wrapper");
    const label = wrapper && wrapper.querySelector(".w-field__label, label");
    return label && label.textContent.trim() ? label : null;
  }

  function nameRichTextEditors(root) {
    root.querySelectorAll(".public-DraftEditor-content[role='textbox']").forEach((editor) => {
      if (editor.hasAttribute("aria-labelledby") || editor.hasAttribute("aria-label")) return;
      const label = fieldLabel(editor);
      if (label) {
        editor.setAttribute("aria-labelledby", idOf(label));
      }
    });
  }

  function nameSearchForms(root) {
    root.querySelectorAll("form[role='search']").forEach((form) => {
      if (form.hasAttribute("aria-label") || form.hasAttribute("aria-labelledby")) return;
      const input = form.querySelector("input[type='text'], input[type='search']");
      if (!input) return;
      const label = input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      const name = (label && label.textContent.trim()) || input.getAttribute("placeholder");
      if (name) form.setAttribute("aria-label", name.replace(/[…\s]+$/, ""));
    });
  }

  function nameDialogs(root) {
    root.querySelectorAll(".modal[role='dialog']").forEach((dialog) => {
      if (dialog.hasAttribute("aria-labelledby") || dialog.hasAttribute("aria-label")) return;
      const heading = dialog.querySelector("h1, h2");
      if (heading && heading.textContent.trim()) {
        dialog.setAttribute("aria-labelledby", idOf(heading));
      }
    });
  }

  function run() {
    nameRichTextEditors(document);
    nameSearchForms(document);
    nameDialogs(document);
  }

  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      run();
    });
  });

  function start() {
    run();
    observer.observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
