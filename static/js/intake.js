// Progressive enhancement for the interview; every page works without it.
(function () {
  "use strict";

  // Follow-up questions appear once the answer that calls for them is given.
  document.querySelectorAll("form[data-reveal]").forEach(function (revealing) {
    function currentValue(name) {
      var checked = revealing.querySelector("input[name='" + name + "']:checked");
      if (checked) { return checked.value; }
      var select = revealing.querySelector("select[name='" + name + "']");
      return select ? select.value : "";
    }
    function reveal() {
      revealing.querySelectorAll("[data-show-if]").forEach(function (block) {
        var wanted = block.dataset.showValues.split(" ");
        block.hidden = wanted.indexOf(currentValue(block.dataset.showIf)) === -1;
      });
    }
    revealing.addEventListener("change", reveal);
    reveal();
  });

  var form = document.getElementById("intake-form");
  if (!form) { return; }

  // Trips: a running total of days away, and a warning beside any long trip as it is typed.
  if (form.dataset.section !== "trips") { return; }
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
      var start = parse(out.value), end = parse(back.value);
      note.textContent = "";
      if (start === null || end === null) { return; }
      var days = Math.round((end - start) / 86400000);
      if (days < 0) {
        if (!back.parentNode.querySelector(".error")) { note.textContent = "The return is before the departure."; }
        return;
      }
      away += Math.max(0, days - 1);
      if (days >= 365) { note.textContent = days + " days: a year or more breaks continuous residence."; }
      else if (days > 180) { note.textContent = days + " days: more than six months, an attorney must review."; }
      else if (days >= 178) { note.textContent = days + " days: close to six months, an attorney must review."; }
    });
    total.hidden = false;
    total.textContent = "Days away in total (travel days count as present): " + away;
  }

  form.addEventListener("input", update);
  update();
})();
