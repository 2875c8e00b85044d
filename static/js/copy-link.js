// "Copy link" buttons: copy the text of a readonly input (data-copy-target, its id) and say so
// in a live region (data-copy-status). Without the Clipboard API (plain http on a clinic-room
// network is not a secure context) the input's text is selected so Ctrl+C copies it. What it
// says comes from the button (data-text-copied, data-text-selected), in the page's language.
(function () {
  "use strict";

  function announce(status, message) {
    if (!status) { return; }
    // Cleared first so a second "Copied" is announced again.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function selectText(input) {
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
  }

  function copyBySelection(button, input, status) {
    selectText(input);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    announce(status, copied ? button.dataset.textCopied : button.dataset.textSelected);
  }

  function copy(button) {
    var input = document.getElementById(button.dataset.copyTarget);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!input) { return; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(
        function () { announce(status, button.dataset.textCopied); },
        function () { copyBySelection(button, input, status); }
      );
    } else {
      copyBySelection(button, input, status);
    }
  }

  var buttons = document.querySelectorAll("button[data-copy-target]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();
