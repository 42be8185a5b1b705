/*
 * The correct-and-resubmit form of a rejected declaration (console/declaration.ftlh): sends the corrected consignee as
 * JSON to the form's action, POST /api/v1/declarations/{orderNo}/resubmit, with an Idempotency-Key kept for the
 * page's life (a double click or a retry after a network error resubmits once), signed in by the console's cookie
 * (same-origin fetch: the cross-site guard lets it through). On success the page reloads to show the new message;
 * a refusal (problem+json) shows each field's error next to it.
 *
 * LEAD: the resubmit endpoint is built in parallel by another engineer; the body below
 * ({consignee: {name, phone, districtCode, address}}) is this page's assumption — align it with the endpoint.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-resubmit]");
  if (!form) {
    return;
  }
  var problem = document.querySelector("[data-testid=resubmit-problem]");
  var key = null;

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }

  function value(name) {
    var field = form.elements[name];
    return field ? field.value.trim() : "";
  }

  function show(text) {
    problem.textContent = text;
    problem.hidden = false;
  }

  var fieldOf = {
    "consignee.name": "consigneeName", "consignee.phone": "consigneePhone",
    "consignee.districtCode": "consigneeDistrict", "consignee.address": "consigneeAddress"
  };

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    problem.hidden = true;
    key = key || newKey();
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": key },
      body: JSON.stringify({ consignee: {
        name: value("consigneeName"), phone: value("consigneePhone"),
        districtCode: value("consigneeDistrict"), address: value("consigneeAddress") } })
    }).then(function (response) {
      if (response.ok) {
        show(form.getAttribute("data-done"));
        window.location.reload();
        return null;
      }
      submit.disabled = false;
      key = null; // refused: nothing was done, a corrected form is a new request
      return response.json().catch(function () { return {}; }).then(function (body) {
        var errors = (body && body.errors) || [];
        var lines = [form.getAttribute("data-refused") + " " + (body.detail || body.title || response.status)];
        errors.forEach(function (error) {
          lines.push((fieldOf[error.field] ? form.querySelector("label[for=f-" + fieldOf[error.field] + "]").textContent
            : error.field) + ": " + error.message);
        });
        show(lines.join(" · "));
      });
    }).catch(function () {
      submit.disabled = false;
      show(form.getAttribute("data-unreachable"));
    });
  });
})();
