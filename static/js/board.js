// The station board updates itself: it asks board.json every few seconds and rebuilds each
// column's cards with the same markup the server renders. Without JavaScript, Refresh works.
(function () {
  "use strict";
  var board = document.getElementById("board");
  if (!board || !window.fetch) { return; }
  var every = (parseInt(board.dataset.refreshSeconds, 10) || 5) * 1000;
  var links = board.dataset.links === "yes";
  var status = board.querySelector("[data-status]");
  var last = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function cardItem(card) {
    var item = element("li", "board-card" + (card.alert ? " board-alert" : ""));
    item.dataset.reference = card.reference;
    item.appendChild(element("span", "board-initials", card.initials));
    var reference = element(links ? "a" : "span", "board-reference", card.reference);
    if (links) { reference.href = board.dataset.caseUrl.replace(/0$/, String(card.case_id)); }
    item.appendChild(document.createTextNode(" "));
    item.appendChild(reference);
    var waited = element("span", "board-waited", card.waited);
    if (card.alert) {
      waited.appendChild(document.createTextNode(" "));
      waited.appendChild(element("strong", "board-flag", "waiting long"));
    }
    item.appendChild(document.createTextNode(" "));
    item.appendChild(waited);
    if (card.worker) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(element("span", "board-worker", card.worker));
    }
    return item;
  }

  // A sentence the page gave in its language (data-text-*), its {names} filled in.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function show(data) {
    data.columns.forEach(function (column) {
      var section = board.querySelector('[data-column="' + column.key + '"]');
      if (!section) { return; }
      var list = section.querySelector("[data-cards]");
      var fresh = document.createDocumentFragment();
      column.cards.forEach(function (card) { fresh.appendChild(cardItem(card)); });
      list.replaceChildren(fresh);
      section.querySelector("[data-count]").textContent = String(column.cards.length);
      section.querySelector("[data-empty]").hidden = column.cards.length > 0;
    });
    var time = new Date(data.as_of);
    var clock = ("0" + time.getHours()).slice(-2) + ":" + ("0" + time.getMinutes()).slice(-2);
    status.textContent = fill(board.dataset.textAsOf,
      { clock: clock, alerts: data.alerts, minutes: data.alert_minutes });
  }

  function poll() {
    fetch(board.dataset.boardUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) {
        var seen = JSON.stringify(data.columns) + data.alerts;
        if (seen !== last) { show(data); last = seen; }
        board.dataset.updated = data.as_of;
      })
      .catch(function () { status.textContent = board.dataset.textFailed; })
      .then(function () { setTimeout(poll, every); });
  }

  var tvLink = board.querySelector('a[href$="/board/tv"]');
  if (tvLink && document.documentElement.requestFullscreen) {
    tvLink.addEventListener("click", function () {
      document.documentElement.requestFullscreen().catch(function () { return null; });
    });
  }
  setTimeout(poll, every);
})();
