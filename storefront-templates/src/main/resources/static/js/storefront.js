// Storefront pages (templates/storefront): suggestions under the search box as the shopper types, from the
// suggest API named by form[data-suggest] (Chinese, full pinyin and initials all work: "奶粉", "naifen", "nf").
// Choosing one searches for it. Text only (textContent), never HTML from the server.
(function () {
  "use strict";

  var forms = document.querySelectorAll("form[data-suggest]");
  Array.prototype.forEach.call(forms, function (form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector(".suggestions");
    var timer = null;
    var latest = "";

    function hide() {
      list.hidden = true;
      list.textContent = "";
    }

    function show(items) {
      list.textContent = "";
      items.forEach(function (text) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "suggestions__item";
        button.textContent = text;
        button.addEventListener("click", function () {
          input.value = text;
          hide();
          form.submit();
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = items.length === 0;
    }

    function ask(typed) {
      latest = typed;
      fetch(form.getAttribute("data-suggest") + "?q=" + encodeURIComponent(typed), {
        headers: {"Accept": "application/json"},
        credentials: "same-origin"
      }).then(function (response) {
        return response.ok ? response.json() : {items: []};
      }).then(function (body) {
        if (latest === input.value.trim()) { // an older answer arriving late is dropped
          show(body.items || []);
        }
      }).catch(hide);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var typed = input.value.trim();
      if (!typed) {
        latest = "";
        hide();
        return;
      }
      timer = setTimeout(function () { ask(typed); }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        hide();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) {
        hide();
      }
    });
  });
})();
