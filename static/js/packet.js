// Updates the packet progress bar while the packet waits and renders, then shows the outcome.
(function () {
  "use strict";
  var panel = document.getElementById("packet");
  if (!panel || ["queued", "rendering"].indexOf(panel.dataset.status) === -1) { return; }
  var bar = panel.querySelector("progress");
  var text = panel.querySelector("[data-progress-text]");
  function describe(job) {
    if (job.status === "queued") {
      return "Waiting, " + (job.ahead ? job.ahead + " ahead of you" : "next in line");
    }
    return "Rendering: " + job.done + " of " + (job.total || "…") + " documents";
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
