// The summary above a refused form: it takes the focus as the page opens, so the reader
// hears what to fix first; each link then puts the focus in its answer, label in view.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary || summary.dataset.ready) { return; }
  summary.dataset.ready = "true";
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    var answer = target.matches("input, select, textarea, button") ? target
      : target.querySelector("input, select, textarea, button");
    if (!answer) { return; }
    event.preventDefault();
    var heading = answer.closest(".field, fieldset, td") || answer;
    heading.scrollIntoView({ block: "start" });
    answer.focus({ preventScroll: true });
  });
})();
