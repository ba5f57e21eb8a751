// Search suggestions for inputs with data-autocomplete="<endpoint>": a listbox of
// matching titles (ARIA combobox pattern). Without JavaScript, or when the
// endpoint fails, the input is a plain search field and the form still submits.
(() => {
  const MIN_LENGTH = 2;
  let counter = 0;

  function setup(input) {
    const id = `suggestions-${++counter}`;
    const list = document.createElement("ul");
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.autocompleteLabel || "");
    list.hidden = true;
    // The list is placed under the field, so both go in a positioned wrapper.
    const wrap = document.createElement("div");
    wrap.className = "suggest-wrap";
    input.replaceWith(wrap);
    wrap.append(input, list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    let items = [];
    let active = -1;
    let timer = null;
    let controller = null;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(suggestions) {
      close();
      if (!suggestions.length) return;
      items = suggestions.map((s, i) => {
        const li = document.createElement("li");
        li.id = `${id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.url = s.url;
        const label = document.createElement("span");
        label.textContent = s.label;
        const type = document.createElement("span");
        type.className = "suggestions__type";
        type.textContent = s.type;
        li.append(label, " ", type);
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          window.location.href = s.url;
        });
        return li;
      });
      list.replaceChildren(...items);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    async function fetchSuggestions() {
      const text = input.value.trim();
      if (text.length < MIN_LENGTH) return close();
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const url = `${input.dataset.autocomplete}?q=${encodeURIComponent(text)}`;
        const response = await fetch(url, { signal: controller.signal });
        if (!response.ok) return close();
        const data = await response.json();
        if (input.value.trim() === text) show(data.suggestions || []);
      } catch {
        // Aborted or offline: the plain form still works.
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  document.querySelectorAll("input[data-autocomplete]").forEach(setup);
})();
