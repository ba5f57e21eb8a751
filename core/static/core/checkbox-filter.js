// A filter box above long grouped checkbox lists (core/forms.py GroupedCheckboxes):
// typing hides the options whose label does not contain the text, and groups with
// none left. Without JavaScript the full list works as it is.
(function () {
  "use strict";

  function setUp(list) {
    if (list.dataset.filterReady) {
      return;
    }
    list.dataset.filterReady = "1";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "w-field__input checkbox-filter";
    input.setAttribute("aria-label", list.dataset.filterLabel || "Filter");
    input.placeholder = list.dataset.filterLabel || "";
    list.parentNode.insertBefore(input, list);
    input.addEventListener("input", function () {
      var text = input.value.trim().toLocaleLowerCase("da");
      list.querySelectorAll("label").forEach(function (label) {
        var item = label.closest("li") || label;
        var shown = !text || label.textContent.toLocaleLowerCase("da").indexOf(text) !== -1;
        item.hidden = !shown || false;
      });
      list.querySelectorAll(":scope > li").forEach(function (group) {
        var options = group.querySelectorAll("ul li");
        if (options.length) {
          group.hidden = Array.prototype.every.call(options, function (o) {
            return o.hidden;
          });
        }
      });
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-checkbox-filter]").forEach(setUp);
  }

  document.addEventListener("DOMContentLoaded", setUpAll);
  // Wagtail's editor adds panels after load (e.g. when a form comes back).
  document.addEventListener("w-formset:added", setUpAll);
})();
