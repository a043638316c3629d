// The catalogue's filters (home page) and sortable columns (catalogue audit), without a server.
// Everything read from the page is text: no data value is ever inserted as markup.
(function () {
  "use strict";

  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUpFilters() {
    var form = document.getElementById("catalogue-filtres");
    var list = document.getElementById("catalogue-liste");
    var status = document.getElementById("catalogue-compte");
    if (!form || !list || !status) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".catalogue-fiche"));
    var texts = cards.map(function (card) { return folded(card.textContent); });
    var fields = {
      niveau: document.getElementById("filtre-niveau"),
      nsf: document.getElementById("filtre-nsf"),
      certificateurs: document.getElementById("filtre-certificateur"),
      statut: document.getElementById("filtre-statut"),
    };
    var text = document.getElementById("filtre-texte");

    function matches(card, index) {
      for (var key in fields) {
        var wanted = fields[key].value;
        if (wanted && (card.dataset[key] || "").split(" ").indexOf(wanted) < 0 && card.dataset[key] !== wanted) {
          return false;
        }
      }
      var words = folded(text.value).split(/\s+/).filter(Boolean);
      return words.every(function (word) { return texts[index].indexOf(word) >= 0; });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card, index) {
        var visible = matches(card, index);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown + " référentiel(s) sur " + cards.length + " affiché(s).";
    }

    // A link may open the catalogue already filtered: #nsf=326t, #niveau=7…
    var hash = new URLSearchParams(window.location.hash.slice(1));
    Object.keys(fields).forEach(function (key) {
      var value = hash.get(key === "certificateurs" ? "certificateur" : key);
      if (value !== null) fields[key].value = value;
    });
    // On a wide screen the filters are open; on a phone they fold under their summary.
    var criteria = document.getElementById("catalogue-criteres");
    if (criteria && (window.matchMedia("(min-width: 45em)").matches || hash.toString())) criteria.open = true;
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  function setUpSorting() {
    var tables = document.querySelectorAll("table[data-triable]");
    Array.prototype.forEach.call(tables, function (table) {
      var headings = table.querySelectorAll("thead th");
      Array.prototype.forEach.call(headings, function (heading, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tri";
        button.textContent = heading.textContent;
        heading.textContent = "";
        heading.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = heading.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(headings, function (other) { other.removeAttribute("aria-sort"); });
          heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var numeric = heading.dataset.tri === "nombre";
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].textContent.trim();
            var y = b.cells[column].textContent.trim();
            var order = numeric
              ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
              : x.localeCompare(y, "fr", { numeric: true, sensitivity: "base" });
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  setUpFilters();
  setUpSorting();
})();
