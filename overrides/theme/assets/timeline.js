// Timeline filters by area and kind. An enhancement only: without JavaScript the form
// stays hidden and every milestone is listed. Labels come from the page, not from here.
(function () {
  function setUp(form) {
    var timeline = form.parentElement;
    var items = Array.prototype.slice.call(timeline.querySelectorAll("li.archive-milestone"));
    var output = form.querySelector("output");

    function apply() {
      var county = form.elements.county.value;
      var kind = form.elements.kind.value;
      var shown = 0;
      items.forEach(function (item) {
        var visible = (!county || item.dataset.county === county) && (!kind || item.dataset.kind === kind);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      // A year heading and its list disappear when none of its milestones is shown.
      timeline.querySelectorAll("ol.archive-timeline").forEach(function (list) {
        var empty = !list.querySelector("li.archive-milestone:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && heading.tagName === "H2") heading.hidden = empty;
      });
      output.textContent = output.dataset.template.replace("{shown}", shown).replace("{total}", items.length);
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("form[data-archive-filters]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
