// The kit's root has no file browser: open the start page, keeping the query (?lang=en).
window.location.replace(document.currentScript.getAttribute("data-start") + window.location.search);
