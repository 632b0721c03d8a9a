/* Slide pictures: a click shows the picture large in a modal dialog (Escape, Close or a click beside it closes
   it, and focus returns to the picture). Without this script the link simply opens the picture file. */
(function () {
  "use strict";
  var dialog = null;
  var shown = null;
  var opener = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "lightbox-close";
    close.textContent = "Close";
    close.addEventListener("click", function () { dialog.close(); });
    shown = document.createElement("img");
    dialog.appendChild(close);
    dialog.appendChild(shown);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    document.body.appendChild(dialog);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.slide-image") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (typeof HTMLDialogElement !== "function") return;
    event.preventDefault();
    if (!dialog) build();
    var img = link.querySelector("img");
    opener = link;
    shown.src = link.getAttribute("href");
    shown.alt = img ? img.alt : "";
    dialog.setAttribute("aria-label", link.getAttribute("aria-label") || "Slide picture");
    dialog.showModal();
  });
})();
