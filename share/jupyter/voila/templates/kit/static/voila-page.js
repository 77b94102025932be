// Voila's page helpers (from its template's voila_setup_helper_functions), as a file: the kit's
// Content-Security-Policy runs no inline script. While the kernel runs the notebook the spinner
// says which cell it is at; once the page is parsed the cells are shown (Voila's voila_finish).
(function () {
  "use strict";
  window.voila_heartbeat = function () { /* Voila calls it while a long cell runs */ };
  window.update_loading_text = function (cellIndex, cellCount, text) {
    var spinner = document.getElementById("loading");
    if (spinner && spinner.style.display === "none") { spinner.style.display = "flex"; }
    var el = document.getElementById("loading_text");
    if (el) { el.textContent = text || ("Executing " + cellIndex + " of " + cellCount); }
  };
  window.display_cells = function () {
    if (!window.themeLoaded) {  // Voila's script calls voila_finish again once the theme is loaded
      window.cellLoaded = true;
      return;
    }
    var loading = document.getElementById("loading");
    if (loading) { loading.parentNode.removeChild(loading); }
    var cells = document.getElementById("rendered_cells");
    if (cells) { cells.style.display = ""; }
  };
  window.voila_process = window.update_loading_text;
  window.voila_finish = window.display_cells;

  // Cells arrive one by one while the kernel runs them: say which one the page is at.
  var observer = new MutationObserver(function (mutations) {
    mutations.forEach(function (m) {
      m.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1 || !node.hasAttribute("cell-index")) { return; }
        var all = document.getElementById("rendered_cells");
        window.voila_process(node.getAttribute("cell-index"), all ? all.getAttribute("data-kit-cells") : "?");
      });
    });
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    observer.disconnect();
    window.voila_finish();
  });
})();
