// The overview's date slider: recolour every edge by its diplomatic-ties state on the chosen day.
// Data comes from the JSON block #net-data (server-encoded); no network requests, no libraries.
(function () {
  "use strict";
  var dataNode = document.getElementById("net-data");
  var slider = document.getElementById("asof");
  var label = document.getElementById("asof-label");
  if (!dataNode || !slider || !label) { return; }
  var data = JSON.parse(dataNode.textContent);
  var edges = document.querySelectorAll("#network line.edge");

  function monthIndex(day) { return parseInt(day.slice(0, 4), 10) * 12 + parseInt(day.slice(5, 7) || "1", 10) - 1; }
  function lastDay(index) {
    var y = Math.floor(index / 12), m = index % 12 + 1;
    var d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return y + "-" + (m < 10 ? "0" : "") + m + "-" + d;
  }
  var first = monthIndex(data.first || data.last), last = monthIndex(data.last);
  slider.min = 0;
  slider.max = Math.max(last - first, 0);
  slider.value = slider.max;

  function stateAt(changes, day) {
    var value = "unknown";
    for (var i = 0; i < changes.length; i++) { if (changes[i][0] <= day) { value = changes[i][1]; } }
    return value;
  }
  function update() {
    var index = first + parseInt(slider.value, 10);
    var day = index >= last ? data.last : lastDay(index);
    label.textContent = day;
    for (var i = 0; i < edges.length; i++) {
      var k = parseInt(edges[i].getAttribute("data-i"), 10);
      var tie = stateAt(data.edges[k] || [], day);
      edges[i].setAttribute("class", "edge tie-" + tie);
      edges[i].setAttribute("data-tie", tie);
    }
  }
  slider.addEventListener("input", update);
  update();
})();
