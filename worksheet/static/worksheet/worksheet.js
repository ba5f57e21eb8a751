// The worksheet with JavaScript: rows are added in the page (without it, the
// "Tilføj række" button asks the server), a draft can be kept in this browser's
// own storage if the reader asks for it, and the print view gets a print button.
// Nothing here talks to the server.
(() => {
  "use strict";

  const CELL = /^(del\d+)-r(\d+)-k(\d+)$/;

  function renumber(row, number) {
    row.querySelectorAll("[name]").forEach((field) => {
      const match = CELL.exec(field.name);
      if (!match) return;
      const name = `${match[1]}-r${number}-k${match[3]}`;
      const label = row.querySelector(`label[for="${field.id}"]`);
      field.name = name;
      field.id = `id_${name}`;
      field.value = "";
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
      if (label) {
        label.htmlFor = field.id;
        label.textContent = label.textContent.replace(/\d+\s*$/, String(number));
      }
    });
    row.querySelectorAll(".form-error-message").forEach((node) => node.remove());
    row.querySelectorAll(".form-error").forEach((node) => node.classList.remove("form-error"));
    const legend = row.querySelector("legend");
    if (legend) legend.textContent = legend.textContent.replace(/\d+\s*$/, String(number));
  }

  function maxRows(part) {
    const form = part.closest("[data-worksheet]");
    return Number(form && form.dataset.maxRows) || 30;
  }

  // The button says when a part has all the rows it may have (the server would
  // refuse more, and must never be sent rows it drops).
  function showFull(part) {
    const rows = part.querySelectorAll("[data-row]").length;
    const full = rows >= maxRows(part);
    const button = part.querySelector("[data-add-row]");
    const hint = part.querySelector("[data-rows-full]");
    if (button) button.disabled = full;
    if (hint) hint.hidden = !full;
  }

  function addRow(part) {
    const rows = part.querySelector("[data-rows]");
    const count = part.querySelector(`input[name="${part.dataset.part}-raekker"]`);
    const last = rows && rows.querySelector("[data-row]:last-of-type");
    if (!last || !count) return null;
    const number = rows.querySelectorAll("[data-row]").length + 1;
    if (number > maxRows(part)) return null;
    const row = last.cloneNode(true);
    renumber(row, number);
    rows.appendChild(row);
    count.value = String(number);
    showFull(part);
    return row;
  }

  function setUpRows(form) {
    form.querySelectorAll("[data-part]").forEach(showFull);
    form.querySelectorAll("[data-add-row]").forEach((button) => {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        const row = addRow(button.closest("[data-part]"));
        const first = row && row.querySelector("textarea, input");
        if (first) first.focus();
        form.dispatchEvent(new Event("input"));
      });
    });
  }

  // --- The draft in this browser (opt-in) ---------------------------------------

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function values(form) {
    const found = {};
    new FormData(form).forEach((value, name) => {
      if (name !== "handling" && typeof value === "string") found[name] = value;
    });
    return found;
  }

  function restore(form, saved) {
    Object.keys(saved).forEach((name) => {
      const match = CELL.exec(name);
      if (!match) return;
      const part = form.querySelector(`[data-part="${match[1]}"]`);
      while (part && part.querySelectorAll("[data-row]").length < Number(match[2])) {
        if (!addRow(part)) break;
      }
    });
    // The row counts follow the rows now in the page (addRow keeps them), never the
    // draft's, which may be fewer than the page has.
    Object.entries(saved).forEach(([name, value]) => {
      if (name.endsWith("-raekker")) return;
      const field = form.elements.namedItem(name);
      if (field && "value" in field) field.value = value;
    });
  }

  function setUpDraft(form) {
    const store = storage();
    const controls = form.querySelector("[data-draft-controls]");
    if (!store || !controls) return;
    const key = form.dataset.draftKey;
    const optIn = controls.querySelector("[data-draft-opt-in]");
    const status = controls.querySelector("[data-draft-status]");
    const restoreButton = controls.querySelector("[data-draft-restore]");
    const deleteButton = controls.querySelector("[data-draft-delete]");
    const text = (name) => controls.dataset[name] || "";
    controls.hidden = false;

    const read = () => {
      try {
        return JSON.parse(store.getItem(key) || "null");
      } catch (error) {
        return null;
      }
    };
    const show = (draft) => {
      restoreButton.hidden = !draft;
      deleteButton.hidden = !draft;
      status.textContent = draft
        ? `${text("savedText")} ${new Date(draft.saved).toLocaleString(document.documentElement.lang)}`
        : "";
    };
    const save = () => {
      if (!optIn.checked) return;
      const draft = { saved: Date.now(), values: values(form) };
      try {
        store.setItem(key, JSON.stringify(draft));
        show(draft);
      } catch (error) {
        status.textContent = text("fullText");
      }
    };

    const draft = read();
    show(draft);
    // Back from the server (contacts filled in, a row added): the page holds what the
    // reader had, so a draft they asked for goes on being kept, from here.
    if (draft && "posted" in form.dataset) {
      optIn.checked = true;
      save();
    }
    optIn.addEventListener("change", save);
    form.addEventListener("input", save);
    restoreButton.addEventListener("click", () => {
      const draft = read();
      if (draft) restore(form, draft.values || {});
      optIn.checked = true;
    });
    deleteButton.addEventListener("click", () => {
      store.removeItem(key);
      optIn.checked = false;
      show(null);
      status.textContent = text("deletedText");
    });
  }

  document.querySelectorAll("[data-worksheet]").forEach((form) => {
    setUpRows(form);
    setUpDraft(form);
  });
  // After a post that went wrong, the list of errors is where the reader starts.
  const errors = document.getElementById("fejl");
  if (errors) errors.focus();
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
})();
