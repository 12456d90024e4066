// Title suggestions for search boxes with data-autocomplete-url. The boxes are plain
// GET forms and work without JavaScript; this only fills a native <datalist>, which
// browsers present accessibly (keyboard, screen readers).
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_LENGTH = 2;

  function enhance(input, index) {
    var list = document.createElement("datalist");
    var timer = null;
    var latest = "";
    list.id = "search-suggestions-" + index;
    input.after(list);
    input.setAttribute("list", list.id);

    function show(titles) {
      list.replaceChildren.apply(
        list,
        titles.map(function (title) {
          var option = document.createElement("option");
          option.value = title;
          return option;
        })
      );
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        show([]);
        return;
      }
      latest = query;
      var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (query !== latest) return; // a newer request is on its way
          show(
            (data.results || []).map(function (result) {
              return result.title;
            })
          );
        })
        .catch(function () {
          show([]);
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
})();
