// Progressive enhancement for the interview (the pages work without it).
// Trips: a running total of days away, and a warning beside any long trip as it is typed.
(function () {
  "use strict";
  var form = document.getElementById("intake-form");
  if (!form || form.dataset.section !== "trips") { return; }
  var total = form.querySelector("[data-trip-total]");

  function parse(text) {
    var us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
    var iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
    if (us) { return Date.UTC(+us[3], +us[1] - 1, +us[2]); }
    if (iso) { return Date.UTC(+iso[1], +iso[2] - 1, +iso[3]); }
    return null;
  }

  function update() {
    var away = 0;
    form.querySelectorAll("tr[data-row]").forEach(function (row) {
      var out = row.querySelector("[data-field=departed]");
      var back = row.querySelector("[data-field=returned]");
      var note = row.querySelector(".trip-warning");
      if (!note) {
        note = document.createElement("p");
        note.className = "trip-warning";
        note.setAttribute("role", "status");
        back.parentNode.appendChild(note);
      }
      var start = out && parse(out.value), end = back && parse(back.value);
      var days = start !== null && end !== null ? Math.round((end - start) / 86400000) : null;
      note.textContent = "";
      if (days === null) { return; }
      if (days < 0) { note.textContent = "The return is before the departure."; return; }
      away += Math.max(0, days - 1);
      if (days >= 365) { note.textContent = days + " days: a year or more breaks residence."; }
      else if (days > 180) { note.textContent = days + " days: more than six months, an attorney must review."; }
      else if (days >= 178) { note.textContent = days + " days: close to six months, an attorney must review."; }
    });
    total.hidden = false;
    total.textContent = "Days away in total (travel days count as present): " + away;
  }

  form.addEventListener("input", update);
  update();
})();
