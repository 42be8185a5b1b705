// The console's background-import panel, shared by the product and store import pages
// (templates/console/product-import.ftlh, store-import.ftlh): sends the chosen CSV or XLSX file to the form's
// action (multipart field "file", 202 {jobId}) with an Idempotency-Key per chosen file, then follows
// GET /api/v1/jobs/{id} once a second with a progress bar, the refused rows (row, field, rule) and the job's
// summary. The console cookie signs the calls in; the page's texts come from the panel's data-msg-* attributes
// (the messages files). Element ids are the panel's id followed by -form, -progress, -bar, -status, -counts,
// -summary, -problem, -errors and -more.
//
// VitrineImportPanel.attach(id, hooks) wires one panel and returns its helpers {text, format, describe, read};
// hooks.onJob(job) sees every answer of the job, hooks.onReset() runs when a new upload starts.
(function () {
  "use strict";

  function attach(id, hooks) {
    var panel = document.getElementById(id);
    var form = document.getElementById(id + "-form");
    if (!panel || !form) {
      return null;
    }
    hooks = hooks || {};
    var fileInput = document.getElementById("f-file");
    var submit = form.querySelector("button[type=submit]");
    var progress = document.getElementById(id + "-progress");
    var bar = document.getElementById(id + "-bar");
    var statusLine = document.getElementById(id + "-status");
    var counts = document.getElementById(id + "-counts");
    var summary = document.getElementById(id + "-summary");
    var problem = document.getElementById(id + "-problem");
    var errors = document.getElementById(id + "-errors");
    var more = document.getElementById(id + "-more");
    // one key per chosen file: sending the same choice again (a lost answer) replays the first job, not a second
    var idempotencyKey = null;

    function text(key) {
      return panel.getAttribute("data-msg-" + key) || "";
    }

    function format(template, values) {
      return template.replace(/\{(\d+)\}/g, function (all, index) {
        var value = values[Number(index)];
        return value === null || value === undefined ? "?" : String(value);
      });
    }

    function newKey() {
      if (window.crypto && window.crypto.randomUUID) {
        return id + "-" + window.crypto.randomUUID();
      }
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return id + "-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }

    function showProblem(message) {
      problem.textContent = message;
      problem.hidden = false;
    }

    // problem+json names the fields; a proxy's or the server's own refusal (413) may not be JSON at all
    function describe(answer) {
      var body = answer.body;
      if (!body) {
        return answer.status ? "HTTP " + answer.status : "";
      }
      var fields = (body.errors || []).map(function (e) { return e.field + ": " + e.message; });
      return [body.detail || body.title || ""].concat(fields).join(" ");
    }

    function read(response) {
      return response.text().then(function (raw) {
        var body = null;
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch (notJson) {
          body = null;
        }
        return { ok: response.ok, status: response.status, body: body };
      });
    }

    function showErrors(job) {
      var list = job.errors || [];
      var rows = errors.querySelector("tbody");
      rows.textContent = "";
      list.forEach(function (e) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-row", e.row === null || e.row === undefined ? "" : String(e.row));
        [e.row, e.field, e.message].forEach(function (value) {
          var td = document.createElement("td");
          td.textContent = value === null || value === undefined ? "" : String(value);
          tr.appendChild(td);
        });
        rows.appendChild(tr);
      });
      errors.hidden = list.length === 0;
      more.hidden = !job.errorsTruncated;
      more.textContent = job.errorsTruncated ? format(text("more"), [job.errorCount - list.length]) : "";
    }

    function finished(job) {
      submit.disabled = false;
      idempotencyKey = null;
      panel.setAttribute("data-job-status", job.status);
      if (job.message) {
        summary.textContent = job.message;
        summary.hidden = false;
      }
    }

    function follow(jobId) {
      fetch("/api/v1/jobs/" + encodeURIComponent(jobId), { headers: { "Accept": "application/json" } })
        .then(read)
        .then(function (answer) {
          if (!answer.ok || !answer.body) {
            submit.disabled = false;
            showProblem(describe(answer));
            return;
          }
          var job = answer.body;
          var total = job.total === null || job.total === undefined ? 0 : job.total;
          bar.max = Math.max(total, 1);
          bar.value = Math.min(job.done + job.failed, bar.max);
          statusLine.textContent = text(job.status.toLowerCase());
          counts.textContent = format(text("counts"), [job.done, job.failed, job.total]);
          showErrors(job);
          if (hooks.onJob) {
            hooks.onJob(job);
          }
          if (job.status === "QUEUED" || job.status === "RUNNING") {
            window.setTimeout(function () { follow(jobId); }, 1000);
          } else {
            finished(job);
          }
        })
        .catch(function () {
          submit.disabled = false;
          showProblem(text("unreachable"));
        });
    }

    fileInput.addEventListener("change", function () {
      idempotencyKey = null;
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      problem.hidden = true;
      summary.hidden = true;
      errors.hidden = true;
      more.hidden = true;
      if (hooks.onReset) {
        hooks.onReset();
      }
      counts.textContent = "";
      panel.removeAttribute("data-job-status");
      progress.hidden = false;
      submit.disabled = true;
      bar.removeAttribute("value"); // indeterminate while uploading
      statusLine.textContent = text("uploading");
      idempotencyKey = idempotencyKey || newKey();
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "Accept": "application/json", "Idempotency-Key": idempotencyKey }
      })
        .then(read)
        .then(function (answer) {
          if (!answer.ok || !answer.body || !answer.body.jobId) {
            submit.disabled = false;
            statusLine.textContent = "";
            showProblem(text("refused") + " " + describe(answer));
            return;
          }
          follow(answer.body.jobId);
        })
        .catch(function () {
          submit.disabled = false;
          showProblem(text("unreachable"));
        });
    });

    return { text: text, format: format, describe: describe, read: read };
  }

  window.VitrineImportPanel = { attach: attach };
})();
