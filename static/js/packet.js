// Updates the packet progress bar while the packet waits and renders, then shows the outcome.
(function () {
  "use strict";
  var panel = document.getElementById("packet");
  if (!panel || ["queued", "rendering"].indexOf(panel.dataset.status) === -1) { return; }
  var bar = panel.querySelector("progress");
  var text = panel.querySelector("[data-progress-text]");
  // The page's own sentences (data-text-*, in its language), their {names} filled in.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }
  function describe(job) {
    if (job.status === "queued") {
      return job.ahead ? fill(panel.dataset.textAhead, { ahead: job.ahead }) : panel.dataset.textNext;
    }
    return fill(panel.dataset.textRendering, { done: job.done, total: job.total || "…" });
  }
  function poll() {
    fetch(panel.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        bar.value = job.percent;
        text.textContent = describe(job);
        if (job.status === "queued" || job.status === "rendering") { setTimeout(poll, 1000); }
        else { window.location.reload(); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
