// Show a figure's details (read from its title) on hover, keep them on click; nothing is fetched.
(function () {
  "use strict";
  var panel = document.getElementById("details");
  var pinned = null;
  var marked = [];

  function figureOf(node) {
    while (node && node !== document) {
      if (node.classList && node.classList.contains("fig")) {
        return node;
      }
      node = node.parentNode;
    }
    return null;
  }

  function kindOf(fig) {
    if (fig.classList.contains("tagged")) { return "tagged"; }
    return fig.classList.contains("skipped") ? "skipped" : "flagged";
  }

  function groupOf(fig) {
    var found = null;
    fig.classList.forEach(function (name) {
      if (name.indexOf("of-") === 0) { found = name; }
    });
    return found;
  }

  function unmark() {
    marked.forEach(function (el) { el.classList.remove("same", "current"); });
    marked = [];
  }

  function show(fig) {
    var rows = (fig.getAttribute("title") || "").split("\n");
    var heading = document.createElement("h2");
    var list = document.createElement("dl");
    heading.textContent = rows.shift();
    rows.forEach(function (row) {
      var cut = row.indexOf(": ");
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = cut === -1 ? "" : row.slice(0, cut);
      value.textContent = cut === -1 ? row : row.slice(cut + 2);
      list.appendChild(term);
      list.appendChild(value);
    });
    panel.className = "details " + kindOf(fig);
    panel.replaceChildren(heading, list);
    unmark();
    var group = groupOf(fig);
    if (group) {
      document.querySelectorAll("." + group).forEach(function (el) {
        el.classList.add("same");
        marked.push(el);
      });
    }
    fig.classList.add("current");
    marked.push(fig);
  }

  document.addEventListener("mouseover", function (event) {
    var fig = figureOf(event.target);
    if (fig && !pinned) { show(fig); }
  });
  document.addEventListener("click", function (event) {
    var fig = figureOf(event.target);
    pinned = fig;
    if (fig) {
      show(fig);
    } else {
      unmark();
    }
  });

  // A link to a fact id (page.html#f-4c4a63b61427) selects that figure.
  function fromHash() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var fig = figureOf(target);
    if (fig) {
      pinned = fig;
      show(fig);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
