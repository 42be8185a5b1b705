// The kiosk's QR payment screen (templates/storefront/kiosk-payment.ftlh), from #payment's data-* attributes:
// - a countdown to the payment's expiry (data-expires-at, epoch ms);
// - the order's status (GET data-order-api?token=) every 2 s: PAID shows the paid result, CLOSED (never paid in
//   time) or CANCELLED the closed one; any other status keeps waiting. A lost answer is simply asked again.
// - while waiting, the idle reset is paused (the shopper is busy with the phone, not the screen: body
//   data-idle-paused); once there is a result, the screen goes back to the start after data-result-seconds;
// - in the embedded sandbox, the "pay in sandbox" button plays the shopper's phone (POST data-sandbox-pay).
(function () {
  "use strict";

  var screen = document.getElementById("payment");
  if (!screen) {
    return;
  }
  var body = document.body;
  var home = body.getAttribute("data-kiosk-home");
  var expiresAt = parseInt(screen.getAttribute("data-expires-at"), 10);
  var resultMillis = Math.max(3, parseInt(screen.getAttribute("data-result-seconds"), 10) || 20) * 1000;
  var statusUrl = screen.getAttribute("data-order-api") + "?token="
    + encodeURIComponent(screen.getAttribute("data-token"));
  var countdown = screen.querySelector("[data-countdown]");
  var waiting = screen.querySelector("[data-payment-waiting]");
  var statusLine = screen.querySelector("[data-payment-status]");
  var finished = false;
  var poller = null;
  var ticker = null;

  body.setAttribute("data-idle-paused", "true");

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function tick() {
    var left = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
    countdown.textContent = two(Math.floor(left / 60)) + ":" + two(left % 60);
    if (left === 0) {
      statusLine.textContent = screen.getAttribute("data-msg-expired");
    }
  }

  function finish(result) {
    if (finished) {
      return;
    }
    finished = true;
    clearInterval(poller);
    clearInterval(ticker);
    screen.setAttribute("data-status", result);
    waiting.hidden = true;
    var shown = screen.querySelector("[data-result=" + (result === "PAID" ? "PAID" : "CLOSED") + "]");
    shown.hidden = false;
    body.setAttribute("data-idle-paused", "false");
    setTimeout(function () { window.location.replace(home); }, resultMillis);
  }

  var CLOSED = ["CLOSED", "CANCELLED"];
  // every status after PAID means it was paid (declared, released, shipped…)
  var PAID_OR_LATER = ["PAID", "ON_HOLD", "DECLARING", "REJECTED", "RELEASED", "SHIPPED", "DELIVERED",
    "PARTIALLY_RETURNED", "RETURNED"];

  function poll() {
    fetch(statusUrl, {headers: {"Accept": "application/json"}, credentials: "same-origin", cache: "no-store"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (order) {
        if (!order || typeof order.status !== "string") {
          return;
        }
        screen.setAttribute("data-status", order.status);
        if (PAID_OR_LATER.indexOf(order.status) >= 0) {
          finish("PAID");
        } else if (CLOSED.indexOf(order.status) >= 0) {
          finish("CLOSED");
        }
      })
      .catch(function () { /* asked again in 2 s */ });
  }

  var sandbox = screen.querySelector("[data-sandbox-pay]");
  if (sandbox) {
    sandbox.addEventListener("click", function () {
      sandbox.disabled = true;
      fetch(sandbox.getAttribute("data-sandbox-pay"), {method: "POST", headers: {"Accept": "application/json"},
        credentials: "same-origin"}).then(function (response) {
        if (!response.ok) {
          statusLine.textContent = screen.getAttribute("data-msg-sandbox-failed");
          sandbox.disabled = false;
        }
        poll();
      }, function () {
        statusLine.textContent = screen.getAttribute("data-msg-sandbox-failed");
        sandbox.disabled = false;
      });
    });
  }

  tick();
  ticker = setInterval(tick, 1000);
  poll();
  poller = setInterval(poll, 2000);
})();
