// The phone's order pages (templates/storefront/order.ftlh, order-lookup.ftlh). Text only (textContent).
// - #order: GET data-order-api?token= once, then its status, lines, amounts (in yuan from the *Fen fields), the
//   buyer as the API masks it and the timeline (timeline[{status, at, note}]); a missing or wrong token (404) offers the
//   lookup. While the order waits for payment it is read again every 5 s (the shopper may come back from Alipay
//   before its notify).
// - #lookup-form: POST {orderNo, phone, idNumberLast6} to the orders API's /lookup; the answer's orderToken opens
//   the status page; 404 says no order matches, 429 to wait (the lookup is rate-limited).
(function () {
  "use strict";

  var body = document.body;

  function yuan(fen) {
    var negative = fen < 0;
    var abs = Math.abs(fen || 0);
    var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var cents = String(abs % 100);
    return (negative ? "-¥" : "¥") + whole + "." + (cents.length < 2 ? "0" + cents : cents);
  }

  function statusText(section, status) {
    var name = "data-status-" + String(status).toLowerCase().replace(/_/g, "-");
    return section.getAttribute(name) || String(status);
  }

  function showOrder(section, order) {
    section.setAttribute("data-status", order.status);
    section.querySelector("[data-order-status]").textContent = statusText(section, order.status);
    section.querySelector("[data-order-details]").hidden = false;
    var lines = section.querySelector("[data-order-lines]");
    lines.textContent = "";
    (order.lines || []).forEach(function (line) {
      var item = document.createElement("li");
      item.className = "order-line";
      item.setAttribute("data-sku", line.sku || "");
      var name = document.createElement("span");
      name.className = "order-line__name";
      name.textContent = (line.name || line.sku || "") + " × " + (line.qty == null ? "" : line.qty);
      item.appendChild(name);
      if (line.lineValueFen != null || line.valueFen != null) {
        var value = document.createElement("span");
        value.className = "order-line__value";
        value.textContent = yuan(line.lineValueFen != null ? line.lineValueFen : line.valueFen);
        item.appendChild(value);
      }
      lines.appendChild(item);
    });
    var amounts = section.querySelector("[data-amounts]");
    var figures = order.amounts || {};
    amounts.hidden = false;
    Array.prototype.forEach.call(amounts.querySelectorAll("[data-amount]"), function (cell) {
      var fen = figures[cell.getAttribute("data-amount")] || 0;
      cell.textContent = yuan(cell.hasAttribute("data-negative") ? -fen : fen);
      if (cell.parentNode.hasAttribute("data-optional")) {
        cell.parentNode.hidden = fen === 0;
      }
    });
    var buyer = order.buyer || {};
    Array.prototype.forEach.call(section.querySelectorAll("[data-buyer]"), function (cell) {
      cell.textContent = buyer[cell.getAttribute("data-buyer")] || "";
    });
    var history = section.querySelector("[data-order-history]");
    history.textContent = "";
    (order.timeline || []).forEach(function (step) {
      var item = document.createElement("li");
      item.className = "timeline__step";
      item.setAttribute("data-status", step.status || "");
      var what = document.createElement("span");
      what.className = "timeline__status";
      what.textContent = statusText(section, step.status);
      item.appendChild(what);
      if (step.at) {
        var when = document.createElement("time");
        when.className = "timeline__at";
        when.dateTime = step.at;
        when.textContent = new Date(step.at).toLocaleString(document.documentElement.lang || undefined);
        item.appendChild(when);
      }
      history.appendChild(item);
    });
  }

  var section = document.getElementById("order");
  if (section) {
    var token = section.getAttribute("data-token");
    var url = section.getAttribute("data-order-api") + "?token=" + encodeURIComponent(token);
    var read = function () {
      if (!token) {
        missing();
        return;
      }
      fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin", cache: "no-store"})
        .then(function (response) {
          if (response.status === 404 || response.status === 400 || response.status === 403) {
            missing();
            return null;
          }
          return response.ok ? response.json() : Promise.reject(response);
        })
        .then(function (order) {
          if (order) {
            showOrder(section, order);
            if (order.status === "PENDING_PAYMENT") {
              setTimeout(read, 5000);
            }
          }
        })
        .catch(function () {
          section.querySelector("[data-order-status]").textContent = section.getAttribute("data-msg-failed");
        });
    };
    var missing = function () {
      section.setAttribute("data-status", "");
      section.querySelector("[data-order-status]").textContent = "";
      section.querySelector("[data-order-missing]").hidden = false;
    };
    read();
  }

  var lookup = document.getElementById("lookup-form");
  if (lookup) {
    var banner = lookup.querySelector(".checkout__banner");
    var button = lookup.querySelector("button[type=submit]");
    var rules = {
      orderNo: function (v) { return /^[A-Za-z0-9-]{1,60}$/.test(v); },
      phone: function (v) { return /^1[3-9]\d{9}$/.test(v.replace(/\D/g, "").replace(/^(0086|86)(?=\d{11}$)/, "")); },
      idNumberLast6: function (v) { return /^\d{5}[\dXx]$/.test(v); }
    };
    var fieldError = function (name, text) {
      var error = document.getElementById("e-" + name);
      error.textContent = text || "";
      error.hidden = !text;
      lookup.elements[name].setAttribute("aria-invalid", text ? "true" : "false");
    };
    var say = function (text) {
      banner.textContent = text || "";
      banner.hidden = !text;
    };
    lookup.addEventListener("submit", function (event) {
      event.preventDefault();
      say("");
      var sent = {};
      var fine = true;
      Object.keys(rules).forEach(function (name) {
        var value = lookup.elements[name].value.normalize("NFKC").trim();
        sent[name] = name === "idNumberLast6" ? value.toUpperCase() : value;
        if (!value) {
          fieldError(name, lookup.getAttribute("data-msg-required"));
          fine = false;
        } else if (!rules[name](value)) {
          fieldError(name, lookup.elements[name].getAttribute("data-msg-invalid"));
          fine = false;
        } else {
          fieldError(name, "");
        }
      });
      if (!fine) {
        return;
      }
      button.disabled = true;
      fetch(body.getAttribute("data-orders-api") + "/lookup", {
        method: "POST",
        headers: {"Content-Type": "application/json", "Accept": "application/json"},
        body: JSON.stringify(sent),
        credentials: "same-origin"
      }).then(function (response) {
        if (response.ok) {
          return response.json().then(function (found) {
            window.location.assign(body.getAttribute("data-order-page") + encodeURIComponent(sent.orderNo)
              + "?token=" + encodeURIComponent(found.orderToken));
          });
        }
        lookup.setAttribute("data-refused", String(response.status));
        if (response.status === 429) {
          var wait = parseInt(response.headers.get("Retry-After"), 10);
          say(lookup.getAttribute("data-msg-limited").replace("{0}", isNaN(wait) ? "60" : String(wait)));
        } else if (response.status === 404 || response.status === 422 || response.status === 400) {
          say(lookup.getAttribute("data-msg-not-found"));
        } else {
          say(lookup.getAttribute("data-msg-failed"));
        }
        button.disabled = false;
      }, function () {
        say(lookup.getAttribute("data-msg-failed"));
        button.disabled = false;
      });
    });
  }
})();
