// Updates the packet progress bar while the packet renders, then shows the download link.
(function () {
  "use strict";
  var panel = document.getElementById("packet");
  if (!panel || ["queued", "rendering"].indexOf(panel.dataset.status) === -1) { return; }
  var bar = panel.querySelector("progress");
  var text = panel.querySelector("[data-progress-text]");
  function poll() {
    fetch(panel.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        bar.value = job.percent;
        text.textContent = job.done + " of " + (job.total || "…") + " documents";
        if (job.status === "queued" || job.status === "rendering") { setTimeout(poll, 1000); }
        else { window.location.reload(); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
