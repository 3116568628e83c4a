// Keyboard shortcuts for the desk: progressive enhancement only.  Every page
// works without this file; it adds keys that press the same links and buttons.
(function () {
  "use strict";

  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function go(sel) {
    var a = document.querySelector(sel);
    if (a) { window.location.href = a.href; return true; }
    return false;
  }

  function press(id) {
    var b = document.getElementById(id);
    if (b) { b.click(); return true; }
    return false;
  }

  // queue: j/k move the selection, Enter or o opens the claim
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.queue tbody tr"));
  var at = rows.length ? 0 : -1;
  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, k) { r.classList.toggle("sel", k === at); });
    rows[at].scrollIntoView({ block: "nearest" });
  }
  if (rows.length) {
    select(0);
    rows.forEach(function (r, k) {
      r.addEventListener("click", function (e) {
        if (e.target.tagName !== "A") { window.location.href = r.getAttribute("data-href"); }
      });
    });
  }

  // claim page: bring the figure into view inside the article
  var fig = document.getElementById("fig");
  if (fig) { fig.scrollIntoView({ block: "center" }); }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    var done = false;
    switch (e.key) {
      case "j": if (rows.length) { select(at + 1); done = true; } break;
      case "k": if (rows.length) { select(at - 1); done = true; } break;
      case "Enter": case "o":
        if (rows.length && at >= 0) { window.location.href = rows[at].getAttribute("data-href"); done = true; }
        break;
      case "v": done = press("act-verify"); break;
      case "x": done = press("act-reject"); break;
      case "d": done = press("act-dispute"); break;
      case "c":
        var box = document.getElementById("correct-box");
        if (box) { box.open = true; document.getElementById("f-value").focus(); done = true; }
        break;
      case "n": done = go("a[rel=next]"); break;
      case "p": done = go("a[rel=prev]"); break;
      case "u": done = go("a[rel=up]") || go("header nav a"); break;
    }
    if (done) e.preventDefault();
  });
})();
