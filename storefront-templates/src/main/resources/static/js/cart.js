// The shopper's cart on the storefront pages (templates/storefront/checkout-parts.ftlh), through the cart API
// (data-carts-api on the body: POST creates, GET /{cartId}, PUT /{cartId}/items/{sku} {qty}, DELETE removes).
// The cart id is kept in localStorage under data-cart-key: one key per shop on the phone, one per store on a
// kiosk (kiosk.js forgets it at the idle reset, checkout.js once the order is placed). A cart belongs to one
// store: adding a product of another store starts a new cart. Everything the API says is shown as text
// (textContent), never as HTML. window.vitrineCart lets checkout.js read and forget the cart.
(function () {
  "use strict";

  var body = document.body;
  var key = body.getAttribute("data-cart-key");
  var api = body.getAttribute("data-carts-api");
  if (!key || !api) {
    return;
  }

  function stored() {
    try {
      var value = JSON.parse(window.localStorage.getItem(key));
      return value && typeof value.cartId === "string" ? value : null;
    } catch (unreadable) {
      return null;
    }
  }

  function remember(cart) {
    window.localStorage.setItem(key, JSON.stringify({cartId: cart.cartId, storeCode: cart.storeCode}));
  }

  function forget() {
    window.localStorage.removeItem(key);
  }

  // resolves {status, body} whatever the status; rejects only when the network failed
  function call(method, url, payload) {
    // refusals (422 detail) come in the page's language, as the checkout's do
    var options = {method: method, credentials: "same-origin", headers: {"Accept": "application/json",
      "Accept-Language": document.documentElement.lang || "zh-CN"}};
    if (payload !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(payload);
    }
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (notJson) {
          parsed = null;
        }
        return {status: response.status, body: parsed};
      });
    });
  }

  function cartUrl(cartId) {
    return api + "/" + encodeURIComponent(cartId);
  }

  /** The stored cart priced now, or null when there is none (or it expired: then it is forgotten). */
  function load() {
    var known = stored();
    if (!known) {
      return Promise.resolve(null);
    }
    return call("GET", cartUrl(known.cartId)).then(function (answer) {
      if (answer.status === 200) {
        return answer.body;
      }
      if (answer.status === 404) {
        forget();
        return null;
      }
      throw answer;
    });
  }

  function cartOfStore(storeCode) {
    return load().then(function (cart) {
      if (cart && cart.storeCode === storeCode) {
        return cart;
      }
      return call("POST", api, {storeCode: storeCode}).then(function (answer) {
        if (answer.status !== 201) {
          throw answer;
        }
        remember(answer.body);
        return answer.body;
      });
    });
  }

  function changed(answer) {
    if (answer.status === 200) {
      return answer.body;
    }
    if (answer.status === 404) {
      forget();
    }
    throw answer;
  }

  function setQuantity(cart, sku, qty) {
    return call("PUT", cartUrl(cart.cartId) + "/items/" + encodeURIComponent(sku), {qty: qty}).then(changed);
  }

  function removeLine(cart, sku) {
    return call("DELETE", cartUrl(cart.cartId) + "/items/" + encodeURIComponent(sku)).then(changed);
  }

  function lineOf(cart, sku) {
    for (var i = 0; i < cart.lines.length; i++) {
      if (cart.lines[i].sku === sku) {
        return cart.lines[i];
      }
    }
    return null;
  }

  /** Fen to yuan as the server prints money: ¥1,234.50, -¥5.00. */
  function yuan(fen) {
    var negative = fen < 0;
    var abs = Math.abs(fen);
    var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var cents = String(abs % 100);
    return (negative ? "-¥" : "¥") + whole + "." + (cents.length < 2 ? "0" + cents : cents);
  }

  function units(cart) {
    return cart ? cart.lines.reduce(function (sum, line) { return sum + line.qty; }, 0) : 0;
  }

  /** Fills a [data-amounts] list from an object with *Fen fields; optional rows at 0 stay hidden. */
  function showAmounts(list, amounts) {
    if (!list) {
      return;
    }
    list.hidden = !amounts;
    if (!amounts) {
      return;
    }
    Array.prototype.forEach.call(list.querySelectorAll("[data-amount]"), function (cell) {
      var fen = amounts[cell.getAttribute("data-amount")] || 0;
      cell.textContent = yuan(cell.hasAttribute("data-negative") ? -fen : fen);
      var row = cell.parentNode;
      if (row.hasAttribute("data-optional")) {
        row.hidden = fen === 0;
      }
    });
  }

  function button(text, label, testId, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button button--quiet cart-line__button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.setAttribute("data-testid", testId);
    element.addEventListener("click", onClick);
    return element;
  }

  function say(panel, text) {
    var status = panel.querySelector("[data-cart-status]");
    if (status) {
      status.textContent = text || "";
    }
  }

  function refusal(panel, answer) {
    if (answer && answer.status === 404) {
      return panel.getAttribute("data-msg-expired");
    }
    return (answer && answer.body && answer.body.detail) || panel.getAttribute("data-msg-refused") || "";
  }

  function renderLines(panel, list, cart) {
    list.textContent = "";
    cart.lines.forEach(function (line) {
      var item = document.createElement("li");
      item.className = "cart-line" + (line.available ? "" : " is-unavailable");
      item.setAttribute("data-sku", line.sku);
      item.setAttribute("data-testid", "cart-line");
      var name = document.createElement("span");
      name.className = "cart-line__name";
      name.textContent = line.name || line.sku;
      item.appendChild(name);
      var price = document.createElement("span");
      price.className = "cart-line__value";
      price.setAttribute("data-testid", "line-value");
      price.textContent = line.available ? yuan(line.lineValueFen) : panel.getAttribute("data-msg-unavailable");
      item.appendChild(price);
      var qty = document.createElement("span");
      qty.className = "cart-line__qty";
      qty.setAttribute("data-testid", "line-qty");
      qty.textContent = String(line.qty);
      var act = function (change) {
        return function () {
          panel.setAttribute("aria-busy", "true");
          change().then(function (next) {
            say(panel, "");
            render(next);
          }, function (answer) {
            say(panel, refusal(panel, answer));
            load().then(render, function () { /* the message says enough */ });
          }).then(function () { panel.removeAttribute("aria-busy"); });
        };
      };
      if (line.available) {
        item.appendChild(button("−", panel.getAttribute("data-msg-less"), "line-less", act(function () {
          return line.qty > 1 ? setQuantity(cart, line.sku, line.qty - 1) : removeLine(cart, line.sku);
        })));
        item.appendChild(qty);
        item.appendChild(button("+", panel.getAttribute("data-msg-more"), "line-more", act(function () {
          return setQuantity(cart, line.sku, line.qty + 1);
        })));
      } else {
        item.appendChild(qty);
      }
      item.appendChild(button("×", panel.getAttribute("data-msg-remove"), "line-remove", act(function () {
        return removeLine(cart, line.sku);
      })));
      list.appendChild(item);
    });
  }

  /** Shows the cart (or none) on every cart panel and count of the page. */
  function render(cart) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-cart-count]"), function (count) {
      count.textContent = String(units(cart));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-cart]"), function (panel) {
      var empty = !cart || cart.lines.length === 0;
      var emptyNote = panel.querySelector("[data-cart-empty]");
      if (emptyNote) {
        emptyNote.hidden = !empty;
      }
      var list = panel.querySelector("[data-cart-lines]");
      if (list) {
        if (empty) {
          list.textContent = "";
        } else {
          renderLines(panel, list, cart);
        }
      }
      showAmounts(panel.querySelector("[data-amounts]"), empty ? null : cart);
      var next = panel.querySelector("[data-cart-checkout]");
      var sellable = !empty && cart.lines.some(function (line) { return line.available; });
      if (next) {
        next.hidden = !sellable;
      }
      panel.setAttribute("data-state", empty ? "empty" : "filled");
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-add-to-cart]"), function (box) {
    var add = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    add.addEventListener("click", function () {
      add.disabled = true;
      var sku = box.getAttribute("data-sku");
      cartOfStore(box.getAttribute("data-store")).then(function (cart) {
        var line = lineOf(cart, sku);
        return setQuantity(cart, sku, (line ? line.qty : 0) + 1);
      }).then(function (cart) {
        status.textContent = box.getAttribute("data-msg-added");
        render(cart);
      }, function (answer) {
        status.textContent = (answer && answer.body && answer.body.detail) || box.getAttribute("data-msg-refused");
      }).then(function () {
        add.disabled = false;
      });
    });
  });

  window.vitrineCart = {load: load, forget: forget, stored: stored, render: render, yuan: yuan,
    showAmounts: showAmounts, call: call};

  // the phone's last placed order (checkout.js), for a shopper whom Alipay did not bring back
  Array.prototype.forEach.call(document.querySelectorAll("[data-last-order]"), function (link) {
    try {
      var last = JSON.parse(window.localStorage.getItem(key + ".lastOrder"));
      if (last && typeof last.href === "string" && last.href.indexOf(body.getAttribute("data-order-page")) === 0) {
        link.href = last.href;
        link.querySelector("[data-last-order-no]").textContent = String(last.orderNo);
        link.hidden = false;
      }
    } catch (unreadable) {
      // no link then
    }
  });

  load().then(function (cart) {
    render(cart);
    body.setAttribute("data-cart-ready", "true");
  }, function () {
    render(null);
    body.setAttribute("data-cart-ready", "true");
  });
})();
