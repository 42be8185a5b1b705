// The store import page (templates/console/store-import.ftlh): sends the CSV to POST /api/v1/stores:import
// (multipart field "file", 202 {jobId}), then follows GET /api/v1/jobs/{id} once a second with a progress
// bar, the refused rows and, at the end, the link to the job's result file. The console cookie signs the
// calls in; the page's texts come from its data-msg-* attributes (the messages files).
(function () {
  "use strict";

  var panel = document.getElementById("store-import");
  var form = document.getElementById("store-import-form");
  if (!panel || !form) {
    return;
  }
  var progress = document.getElementById("store-import-progress");
  var bar = document.getElementById("store-import-bar");
  var statusLine = document.getElementById("store-import-status");
  var counts = document.getElementById("store-import-counts");
  var problem = document.getElementById("store-import-problem");
  var errors = document.getElementById("store-import-errors");
  var result = document.getElementById("store-import-result");

  function text(key) {
    return panel.getAttribute("data-msg-" + key) || "";
  }

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, index) {
      var value = values[Number(index)];
      return value === null || value === undefined ? "?" : String(value);
    });
  }

  function showProblem(message) {
    problem.textContent = message;
    problem.hidden = false;
  }

  function describe(body) {
    if (!body) {
      return "";
    }
    var fields = (body.errors || []).map(function (e) { return e.field + ": " + e.message; });
    return [body.detail || body.title || ""].concat(fields).join(" ");
  }

  function showErrors(list) {
    var rows = errors.querySelector("tbody");
    rows.textContent = "";
    list.forEach(function (e) {
      var tr = document.createElement("tr");
      [e.row, e.field, e.message].forEach(function (value) {
        var td = document.createElement("td");
        td.textContent = value === null || value === undefined ? "" : String(value);
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    errors.hidden = list.length === 0;
  }

  function follow(jobId) {
    fetch("/api/v1/jobs/" + encodeURIComponent(jobId), { headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          showProblem(describe(answer.body));
          return;
        }
        var job = answer.body;
        var total = job.total === null || job.total === undefined ? 0 : job.total;
        bar.max = Math.max(total, 1);
        bar.value = Math.min(job.done + job.failed, bar.max);
        statusLine.textContent = text(job.status.toLowerCase());
        counts.textContent = format(text("counts"), [job.done, job.failed, job.total]);
        showErrors(job.errors || []);
        if (job.status === "QUEUED" || job.status === "RUNNING") {
          window.setTimeout(function () { follow(jobId); }, 1000);
        } else if (job.resultUrl) {
          result.href = job.resultUrl;
          result.hidden = false;
        }
      })
      .catch(function () { showProblem(text("unreachable")); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    problem.hidden = true;
    result.hidden = true;
    progress.hidden = false;
    bar.removeAttribute("value"); // indeterminate while uploading
    statusLine.textContent = text("uploading");
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (!answer.ok || !answer.body.jobId) {
          statusLine.textContent = "";
          showProblem(text("refused") + " " + describe(answer.body));
          return;
        }
        follow(answer.body.jobId);
      })
      .catch(function () { showProblem(text("unreachable")); });
  });
})();
