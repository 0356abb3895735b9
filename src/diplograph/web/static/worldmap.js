// The world map's date slider and hover box: recolour every country by its value on the chosen
// day, from the steps in the JSON block #map-data (server-encoded). No requests, no libraries.
(function () {
  "use strict";
  var dataNode = document.getElementById("map-data");
  var slider = document.getElementById("map-asof");
  var label = document.getElementById("map-asof-label");
  var info = document.getElementById("map-info");
  var svg = document.getElementById("worldmap");
  if (!dataNode || !slider || !label || !svg) { return; }
  var data = JSON.parse(dataNode.textContent);
  var facetName = data.facet.replace(/_/g, " ");
  var shapes = svg.querySelectorAll("[data-code]");
  var rows = document.querySelectorAll("#map-partners tbody tr[data-code]");
  var dateInput = document.getElementById("map-date");
  var OPEN = "0000-01-01";

  function monthIndex(day) { return parseInt(day.slice(0, 4), 10) * 12 + parseInt(day.slice(5, 7) || "1", 10) - 1; }
  function lastDay(index) {
    var y = Math.floor(index / 12), m = index % 12 + 1;
    var d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return String(y).padStart(4, "0") + "-" + (m < 10 ? "0" : "") + m + "-" + d;
  }
  var first = monthIndex(data.first), last = monthIndex(data.last);
  slider.min = 0;
  slider.max = Math.max(last - first, 0);
  slider.value = Math.min(Math.max(monthIndex(data.as_of) - first, 0), last - first);
  var ticks = document.getElementById("map-changes");
  if (ticks) {
    data.changes.forEach(function (day) {
      var option = document.createElement("option");
      option.value = String(monthIndex(day) - first);
      ticks.appendChild(option);
    });
  }

  function stepAt(steps, day) {
    var current = [OPEN, "unknown", 0, 0];
    for (var i = 0; i < steps.length; i++) { if (steps[i][0] <= day) { current = steps[i]; } }
    return current;
  }
  function describe(name, step) {
    if (step[1] === "unknown") { return name + ": no claim about " + facetName; }
    var text = name + ": " + facetName + " " + step[1] + ", " + step[2] + " claim" + (step[2] === 1 ? "" : "s");
    if (step[3]) { text += ", " + step[3] + " conflicting"; }
    if (step[0] !== OPEN) { text += ", since " + step[0]; }
    return text;
  }
  function nameOf(el) {
    var title = el.querySelector("title");
    return data.names[el.getAttribute("data-code")] || (title ? title.textContent.split(":")[0] : "");
  }
  function paintShape(el, day) {
    var code = el.getAttribute("data-code");
    if (code === data.focus) { return; }
    var step = stepAt(data.steps[code] || [], day);
    el.classList.remove("v-" + el.getAttribute("data-value"));
    el.classList.add("v-" + step[1]);
    el.setAttribute("data-value", step[1]);
    el.setAttribute("data-claims", String(step[2]));
    var text = describe(nameOf(el), step);
    var title = el.querySelector("title");
    if (title) { title.textContent = text; }
    var link = el.parentNode;
    if (link && link.classList && link.classList.contains("map-link")) { link.setAttribute("aria-label", text); }
  }
  function paintRow(row, day) {
    var step = stepAt(data.steps[row.getAttribute("data-code")] || [], day);
    row.querySelector(".value").textContent = step[1] === "unknown" ? "no claim" : step[1];
    row.querySelector(".claims").textContent = String(step[2]);
    row.querySelector(".conflicts").textContent = String(step[3]);
    row.querySelector(".since").textContent = step[0] === OPEN || step[1] === "unknown" ? "" : step[0];
  }
  function paint(day) {
    label.textContent = day;
    slider.setAttribute("aria-valuetext", day);
    var days = document.querySelectorAll(".map-day");
    for (var d = 0; d < days.length; d++) { days[d].textContent = day; }
    if (dateInput) { dateInput.value = day; }
    for (var i = 0; i < shapes.length; i++) { paintShape(shapes[i], day); }
    for (var j = 0; j < rows.length; j++) { paintRow(rows[j], day); }
  }
  slider.addEventListener("input", function () {
    var index = first + parseInt(slider.value, 10);
    paint(index >= last ? data.last : lastDay(index));
  });
  function show(event) {
    var el = event.target.closest ? event.target.closest("[data-code]") : null;
    if (!el && event.target.querySelector) { el = event.target.querySelector("[data-code]"); }
    if (el && info) {
      var title = el.querySelector("title");
      info.textContent = title ? title.textContent : el.getAttribute("data-code");
    }
  }
  svg.addEventListener("mouseover", show);
  svg.addEventListener("focusin", show);
})();
