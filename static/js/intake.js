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
  var totalDays = total.querySelector("[data-trip-days]");
  var today = parse(form.dataset.today || "");
  // The page's own sentences (data-text-*, in its language), with the days filled in.
  function fill(text, days) { return text.replace("{days}", String(days)); }

  // A day as typed (MM/DD/YYYY or YYYY-MM-DD), or null: 02/30/2024 is no day, though
  // Date.UTC would quietly make it March 1.
  function parse(text) {
    var us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
    var iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
    var year, month, day;
    if (us) { year = +us[3]; month = +us[1]; day = +us[2]; }
    else if (iso) { year = +iso[1]; month = +iso[2]; day = +iso[3]; }
    else { return null; }
    var time = Date.UTC(year, month - 1, day);
    var date = new Date(time);
    if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 ||
        date.getUTCDate() !== day) { return null; }
    return time;
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
      // A trip not over yet (or mistyped into the future) is no time away yet: the form
      // refuses future dates when it is saved.
      if (today !== null && (start > today || end > today)) { return; }
      var days = Math.round((end - start) / 86400000);
      if (days < 0) {
        if (!back.parentNode.querySelector(".error")) { note.textContent = form.dataset.textBackwards; }
        return;
      }
      away += Math.max(0, days - 1);  // the days of leaving and coming back count as present
      if (days >= 365) { note.textContent = fill(form.dataset.textYear, days); }
      else if (days > 180) { note.textContent = fill(form.dataset.textOverSixMonths, days); }
      else if (days >= 178) { note.textContent = fill(form.dataset.textCloseToSixMonths, days); }
    });
    total.hidden = false;
    totalDays.textContent = String(away);
  }

  form.addEventListener("input", update);
  update();
})();
