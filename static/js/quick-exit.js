// "Snel weg": leave for a neutral site and replace this page in the history, so the back button does not return.
// The link works without this script; the script only adds history replacement and the Escape key.
(function () {
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") leave(event);
  });
})();
