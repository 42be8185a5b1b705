// The retailer's devices page (/console/devices): #fleet-live[data-live] holds the fleet summary and the current
// page of devices; every data-live-every seconds it is fetched again from data-live (the same filters and page,
// /console/devices/live) and swapped in, so devices flip online/offline without a reload and the filters stay.
// A hidden tab does not poll; a failed fetch keeps what is shown and tries again at the next tick; a signed-out
// viewer (the answer is not the fragment) stops polling.
(function () {
  "use strict";

  var region = document.getElementById("fleet-live");
  if (!region || !region.getAttribute("data-live") || !window.fetch) {
    return;
  }
  var every = Math.max(5, parseInt(region.getAttribute("data-live-every"), 10) || 15) * 1000;
  var busy = false;
  var timer = null;

  function refresh() {
    if (busy || document.hidden) {
      return;
    }
    busy = true;
    fetch(region.getAttribute("data-live"), {
      credentials: "same-origin",
      cache: "no-store",
      redirect: "error",
      headers: { "Accept": "text/html", "X-Requested-With": "fleet-live" }
    }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        window.clearInterval(timer);
        return null;
      }
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null && html !== undefined) {
        region.innerHTML = html;
        region.setAttribute("data-refreshed", String(Date.now()));
      }
    }).catch(function () {
      // offline for a moment: keep what is shown, try again at the next tick
    }).then(function () {
      busy = false;
    });
  }

  timer = window.setInterval(refresh, every);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      refresh();
    }
  });
})();
