// The kiosk page (templates/storefront/kiosk.ftlh), from the body's data-* attributes:
// - idle reset: after data-idle-seconds without a touch, a key or a scroll, back to the home screen
//   (data-kiosk-home: no search, no filters, the kiosk's default language); already there, the search box and
//   its suggestions are cleared;
// - a paired kiosk (data-paired, from its HttpOnly device cookie) sends a heartbeat now and every minute; a 404
//   (unpaired or revoked) shows the staff pairing form again;
// - the staff pairing form posts the code as JSON to the pair endpoint, which sets the device cookie;
// - the idle reset forgets the kiosk's cart (data-cart-key in localStorage): the next shopper starts empty; it waits
//   while the page says data-idle-paused="true" (the QR payment screen, while the shopper pays on the phone).
(function () {
  "use strict";

  var body = document.body;
  var home = body.getAttribute("data-kiosk-home");
  var idleMillis = Math.max(1, parseInt(body.getAttribute("data-idle-seconds"), 10) || 90) * 1000;
  var idleTimer = null;

  function atHome() {
    return window.location.pathname === home && window.location.search === "";
  }

  function backToHome() {
    if (body.getAttribute("data-idle-paused") === "true") {
      touched();
      return;
    }
    var cartKey = body.getAttribute("data-cart-key");
    if (cartKey) {
      window.localStorage.removeItem(cartKey);
      if (window.vitrineCart) {
        window.vitrineCart.render(null);
      }
    }
    if (!atHome()) {
      window.location.replace(home);
      return;
    }
    var input = document.querySelector("form[data-suggest] input[name=q]");
    if (input && input.value !== "") {
      input.value = "";
      input.dispatchEvent(new Event("input"));
    }
    Array.prototype.forEach.call(document.querySelectorAll("details[open]"), function (details) {
      details.open = false;
    });
    body.setAttribute("data-idle-reset", String(Date.now()));
  }

  function touched() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(backToHome, idleMillis);
  }

  ["pointerdown", "touchstart", "keydown", "input", "wheel", "scroll"].forEach(function (type) {
    document.addEventListener(type, touched, {passive: true, capture: true});
  });
  touched();

  function postJson(url, payload) {
    return fetch(url, {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify(payload),
      credentials: "same-origin"
    });
  }

  var staff = document.querySelector("details.staff");
  var beating = null;

  function heartbeat() {
    postJson(body.getAttribute("data-heartbeat-url"), {appVersion: body.getAttribute("data-app-version")})
      .then(function (response) {
        if (response.status === 404) {
          clearInterval(beating);
          body.setAttribute("data-paired", "false");
          if (staff) {
            staff.hidden = false;
          }
        }
      })
      .catch(function () { /* offline for now: the next beat tries again */ });
  }

  if (body.getAttribute("data-paired") === "true") {
    heartbeat();
    beating = setInterval(heartbeat, 60000);
  }

  var form = document.getElementById("pair-form");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = form.querySelector("[role=status]");
      var code = form.elements.pairingCode.value.trim();
      postJson(form.getAttribute("data-pair-url"), {pairingCode: code}).then(function (response) {
        if (response.ok) {
          status.textContent = form.getAttribute("data-msg-paired");
          window.location.replace(home);
        } else {
          status.textContent = form.getAttribute(response.status === 429 ? "data-msg-limited" : "data-msg-refused");
        }
      }).catch(function () {
        status.textContent = form.getAttribute("data-msg-refused");
      });
    });
  }
})();
