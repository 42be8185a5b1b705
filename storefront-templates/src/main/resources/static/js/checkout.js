// The checkout form (templates/storefront/checkout-parts.ftlh, identityForm), on the phone and the kiosk.
// - Each field is checked as the shopper leaves it, with the server's rules (orders' BuyerIdentity, kernel
//   ResidentIdNumber): names of 2-50 letters; an ID number of 17 digits and a check character (ISO 7064
//   MOD 11-2, "10X98765432"), with a real birth date from 1900 to today; a mainland mobile number 1[3-9] and 9
//   digits (+86 dropped); a 6-digit district code; an address; the consent ticked.
// - Placing the order: refused here while a field is wrong; else one POST to the orders API with an
//   Idempotency-Key made once for the form (a retry after a lost answer sends the same key; a new key only once
//   the server has refused), the button disabled while it is in flight. 400/422 field errors (problem
//   errors[].field) are shown under their field, other refusals (422 detail) in the banner.
// - 201: the cart is forgotten; the phone keeps a link to the order (localStorage "<cart key>.lastOrder", shown on
//   the cart page) and follows payment.redirectUrl (Alipay); the kiosk posts the payment to its QR screen (the
//   order's token stays out of the address, and a shared screen keeps no link).
(function () {
  "use strict";

  var form = document.getElementById("checkout-form");
  if (!form) {
    return;
  }
  var body = document.body;
  var cart = window.vitrineCart;
  var submit = form.querySelector("button[type=submit]");
  var banner = form.querySelector(".checkout__banner");
  var sameAsBuyer = form.querySelector("[data-consignee-is-buyer]");
  var consigneePerson = form.querySelector("[data-consignee-person]");
  var idempotencyKey = newKey();
  var sending = false;

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  // --- the rules, as the server applies them
  var NAME = /^\p{L}[\p{L}\p{M} ·•・.'-]{0,48}\p{L}$/u;
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

  function fold(text) {
    return (text || "").normalize("NFKC").trim();
  }

  function phoneDigits(text) {
    var digits = fold(text).replace(/\D/g, "");
    if (digits.indexOf("0086") === 0 && digits.length === 15) {
      return digits.substring(4);
    }
    if (digits.indexOf("86") === 0 && digits.length === 13) {
      return digits.substring(2);
    }
    return digits;
  }

  function isIdNumber(text) {
    var value = fold(text).replace(/ /g, "").toUpperCase();
    if (!/^[1-9]\d{16}[\dX]$/.test(value)) {
      return false;
    }
    var year = +value.substring(6, 10);
    var month = +value.substring(10, 12);
    var day = +value.substring(12, 14);
    var born = new Date(Date.UTC(year, month - 1, day));
    if (year < 1900 || born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day) {
      return false;
    }
    // today in China (UTC+8): a birth date after it is a typo
    if (born.getTime() > Date.now() + 8 * 3600 * 1000) {
      return false;
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += (value.charCodeAt(i) - 48) * WEIGHTS[i];
    }
    return value.charAt(17) === "10X98765432".charAt(sum % 11);
  }

  var RULES = {
    "buyer.name": function (v) { return NAME.test(fold(v)); },
    "buyer.idNumber": isIdNumber,
    "buyer.phone": function (v) { return /^1[3-9]\d{9}$/.test(phoneDigits(v)); },
    "consignee.name": function (v) { return NAME.test(fold(v)); },
    "consignee.phone": function (v) { return /^1[3-9]\d{9}$/.test(phoneDigits(v)); },
    "consignee.districtCode": function (v) { return /^\d{6}$/.test(fold(v)); },
    "consignee.address": function (v) { return fold(v).length >= 2 && fold(v).length <= 200; }
  };

  // --- fields and their errors
  function consigneeIsBuyer() {
    return !!(sameAsBuyer && sameAsBuyer.checked);
  }

  function input(name) {
    return form.elements[name];
  }

  /** The field where an error about `name` is shown: on a kiosk the consignee's person is the buyer's. */
  function shownField(name) {
    if (consigneeIsBuyer() && (name === "consignee.name" || name === "consignee.phone")) {
      name = name.replace("consignee.", "buyer.");
    }
    return input(name) ? name : null;
  }

  function setError(name, text) {
    var element = input(name);
    var error = document.getElementById("e-" + name.replace(/\./g, "-"));
    if (!element || !error) {
      return;
    }
    error.textContent = text || "";
    error.hidden = !text;
    element.setAttribute("aria-invalid", text ? "true" : "false");
    element.closest(".field").classList.toggle("is-invalid", !!text);
  }

  function active(name) {
    return !(consigneeIsBuyer() && (name === "consignee.name" || name === "consignee.phone"));
  }

  /** Checks one field, shows its error or clears it; true when it is fine. */
  function check(name) {
    var element = input(name);
    if (!active(name)) {
      setError(name, "");
      return true;
    }
    if (name === "consent") {
      setError(name, element.checked ? "" : element.getAttribute("data-msg-invalid"));
      return element.checked;
    }
    var value = element.value;
    if (fold(value) === "") {
      setError(name, form.getAttribute("data-msg-required"));
      return false;
    }
    var fine = RULES[name](value);
    setError(name, fine ? "" : element.getAttribute("data-msg-invalid"));
    return fine;
  }

  var FIELDS = Object.keys(RULES).concat(["consent"]);

  FIELDS.forEach(function (name) {
    var element = input(name);
    element.addEventListener("blur", function () {
      if (name !== "consent") {
        check(name);
      }
    });
    element.addEventListener(name === "consent" ? "change" : "input", function () {
      if (name === "consent" || element.getAttribute("aria-invalid") === "true") {
        check(name);
      }
    });
  });

  if (sameAsBuyer) {
    sameAsBuyer.addEventListener("change", function () {
      consigneePerson.hidden = consigneeIsBuyer();
    });
    consigneePerson.hidden = consigneeIsBuyer();
  }

  function showBanner(text) {
    banner.textContent = text || "";
    banner.hidden = !text;
  }

  // --- placing the order
  function order() {
    var known = cart && cart.stored();
    var value = function (name) { return fold(input(name).value); };
    var buyer = {name: value("buyer.name"), idNumber: value("buyer.idNumber").replace(/ /g, "").toUpperCase(),
      phone: phoneDigits(input("buyer.phone").value)};
    return {
      cartId: known ? known.cartId : null,
      storeCode: (known && known.storeCode) || form.getAttribute("data-store") || null,
      buyer: buyer,
      consignee: {
        name: consigneeIsBuyer() ? buyer.name : value("consignee.name"),
        phone: consigneeIsBuyer() ? buyer.phone : phoneDigits(input("consignee.phone").value),
        districtCode: value("consignee.districtCode"),
        address: value("consignee.address")
      },
      consent: input("consent").checked,
      payMethod: form.getAttribute("data-pay-method")
    };
  }

  function showRefusal(answer) {
    var problem = answer.body || {};
    var unplaced = [];
    (problem.errors || []).forEach(function (error) {
      var name = error.field && shownField(error.field);
      if (name) {
        setError(name, input(name).getAttribute("data-msg-invalid") || error.message);
      } else {
        unplaced.push(error.message);
      }
    });
    if (answer.status === 429) {
      showBanner(form.getAttribute("data-msg-limited"));
    } else if (!(problem.errors || []).length || unplaced.length) {
      showBanner(problem.detail || unplaced.join(" ") || form.getAttribute("data-msg-failed"));
    } else {
      showBanner(form.getAttribute("data-msg-fix"));
    }
    form.setAttribute("data-refused", problem.code || String(answer.status));
  }

  function paid(placed) {
    cart.forget();
    var payment = placed.payment || {};
    var orderHref = body.getAttribute("data-order-page") + encodeURIComponent(placed.orderNo)
      + "?token=" + encodeURIComponent(placed.orderToken);
    if (!form.getAttribute("data-payment-href")) {
      // on the phone: the way back to this order should Alipay not bring the shopper back (cart.js shows it)
      window.localStorage.setItem(body.getAttribute("data-cart-key") + ".lastOrder",
        JSON.stringify({orderNo: placed.orderNo, href: orderHref}));
    }
    if (payment.redirectUrl) {
      window.location.assign(payment.redirectUrl);
      return;
    }
    var paymentHref = form.getAttribute("data-payment-href");
    if (paymentHref && payment.qrCode) {
      // a POST built here: the QR screen draws the code on the server
      var post = document.createElement("form");
      post.method = "post";
      post.action = paymentHref;
      post.hidden = true;
      [["orderNo", placed.orderNo], ["orderToken", placed.orderToken], ["qrCode", payment.qrCode],
        ["expiresAt", payment.expiresAt]].forEach(function (pair) {
        var field = document.createElement("input");
        field.type = "hidden";
        field.name = pair[0];
        field.value = pair[1] == null ? "" : String(pair[1]);
        post.appendChild(field);
      });
      document.body.appendChild(post);
      post.submit();
      return;
    }
    window.location.assign(orderHref);
  }

  function done() {
    sending = false;
    submit.disabled = false;
    form.removeAttribute("aria-busy");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }
    showBanner("");
    var wrong = FIELDS.filter(function (name) { return !check(name); });
    if (wrong.length) {
      form.setAttribute("data-refused", "client");
      showBanner(form.getAttribute("data-msg-fix"));
      var first = input(shownField(wrong[0]) || wrong[0]);
      if (first && first.focus) {
        first.focus();
      }
      return;
    }
    var sent = order();
    if (!sent.cartId) {
      showBanner(form.getAttribute("data-msg-no-cart"));
      return;
    }
    sending = true;
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    form.removeAttribute("data-refused");
    fetch(body.getAttribute("data-orders-api"), {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": idempotencyKey,
        "Accept-Language": document.documentElement.lang || "zh-CN"},
      body: JSON.stringify(sent),
      credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (notJson) {
          parsed = null;
        }
        return {status: response.status, body: parsed};
      });
    }).then(function (answer) {
      if (answer.status === 201 || answer.status === 200) {
        paid(answer.body);
        return;
      }
      // refused: nothing was created, so the corrected form is a new request with a new key
      idempotencyKey = newKey();
      showRefusal(answer);
      done();
    }, function () {
      // no answer: the order may exist; the same key makes a retry safe
      showBanner(form.getAttribute("data-msg-failed"));
      done();
    });
  });

  // the summary beside the form: the cart's amounts
  if (cart) {
    cart.load().then(function (current) {
      if (!current || current.lines.length === 0) {
        showBanner(form.getAttribute("data-msg-no-cart"));
      }
    }, function () { /* cart.js says it */ });
  }
})();
