// The store import page (templates/console/store-import.ftlh): POST /api/v1/stores:import followed to its end
// by the shared import panel (import-panel.js); at the end it offers the job's result file — the new devices'
// credentials — which the server hands out once: the page fetches it, saves it, and says so; a second try says it
// is gone (410).
(function () {
  "use strict";

  var result = document.getElementById("store-import-result");
  var resultNote = document.getElementById("store-import-result-note");
  if (!window.VitrineImportPanel || !result || !resultNote) {
    return;
  }
  var panel = window.VitrineImportPanel.attach("store-import", {
    onJob: function (job) {
      if (job.resultUrl) {
        result.href = job.resultUrl;
        result.hidden = false;
      }
    },
    onReset: function () {
      result.hidden = true;
      resultNote.hidden = true;
    }
  });
  if (!panel) {
    return;
  }
  var text = panel.text;
  var format = panel.format;
  var describe = panel.describe;
  var read = panel.read;

  function filenameOf(response) {
    var disposition = response.headers.get("Content-Disposition") || "";
    var found = /filename="?([^";]+)"?/.exec(disposition);
    return found ? found[1] : "credentials.csv";
  }

  // The credentials come once: fetched here, handed to the browser as a file, and never fetched again.
  result.addEventListener("click", function (event) {
    event.preventDefault();
    resultNote.hidden = true;
    // no Accept of our own: the route declares JSON as what it produces, and would refuse one without it (406)
    fetch(result.href)
      .then(function (response) {
        if (!response.ok) {
          return read(response).then(function (answer) {
            resultNote.textContent = answer.status === 410 ? text("gone") : describe(answer);
            resultNote.className = "field__error";
            resultNote.setAttribute("data-outcome", answer.status === 410 ? "gone" : "failed");
            resultNote.hidden = false;
          });
        }
        var filename = filenameOf(response);
        return response.blob().then(function (file) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(file);
          link.download = filename;
          document.body.appendChild(link);
          link.click();
          document.body.removeChild(link);
          window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          resultNote.textContent = format(text("downloaded"), [filename]);
          resultNote.className = "notice notice--warn";
          resultNote.setAttribute("data-outcome", "downloaded");
          resultNote.hidden = false;
        });
      })
      .catch(function () {
        resultNote.textContent = text("unreachable");
        resultNote.className = "field__error";
        resultNote.hidden = false;
      });
  });
})();
