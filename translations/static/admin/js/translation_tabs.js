/*
 * Language switch for translated fields in the admin.
 *
 * modeltranslation marks every translated widget with the classes "mt" and
 * "mt-field-<field>-<lang>". Without JavaScript all languages stay visible with
 * their "[de]"/"[en]" labels; with it, editors see one language at a time and can
 * switch with buttons at the top of the form. A language whose fields hold an
 * error is marked, and is opened first.
 *
 * The open tab is kept in the URL fragment (#sprache-ar). The change form posts to
 * its own URL, and browsers keep the fragment through the redirect after saving and
 * on the page that shows validation errors, so the editor stays in the language
 * they were working in – no server code, and links can open a given language.
 */
(function () {
  "use strict";

  var NAMES = {
    de: "Deutsch", en: "English", ar: "العربية", fa: "فارسی",
    uk: "Українська", ru: "Русский", tr: "Türkçe", es: "Español"
  };

  function languageOf(widget) {
    for (var i = 0; i < widget.classList.length; i++) {
      var match = /^mt-field-.+-([a-z]{2}(?:_[a-z]+)?)$/.exec(widget.classList[i]);
      if (match) { return match[1]; }
    }
    return null;
  }

  function containerOf(widget) {
    return widget.closest("td, .fieldBox, .form-row");
  }

  function headerCellsFor(cell) {
    // Tabular inlines: hide the column header that belongs to a hidden cell.
    if (cell.tagName !== "TD") { return []; }
    var names = Array.prototype.filter.call(cell.classList, function (c) {
      return c.indexOf("field-") === 0;
    }).map(function (c) { return "th.column-" + c.slice(6); });
    var table = cell.closest("table");
    return names.length && table ? Array.prototype.slice.call(table.querySelectorAll(names.join(","))) : [];
  }

  function collect(root) {
    var byLanguage = {};
    root.querySelectorAll(".mt").forEach(function (widget) {
      var language = languageOf(widget);
      var container = containerOf(widget);
      if (!language || !container) { return; }
      (byLanguage[language] = byLanguage[language] || []).push(container);
      headerCellsFor(container).forEach(function (th) { byLanguage[language].push(th); });
    });
    return byLanguage;
  }

  var FRAGMENT = /^#sprache-([a-z]{2}(?:_[a-z]+)?)$/;

  function rememberedLanguage() {
    var match = FRAGMENT.exec(window.location.hash);
    return match ? match[1] : null;
  }

  function remember(language) {
    // replaceState: switching tabs should neither scroll nor add to the back history.
    window.history.replaceState(window.history.state, "", "#sprache-" + language);
  }

  function hasError(containers) {
    return containers.some(function (el) {
      return el.classList.contains("errors") || el.querySelector(".errorlist");
    });
  }

  function init() {
    var form = document.querySelector("#content-main form");
    if (!form) { return; }
    var byLanguage = collect(form);
    var languages = Object.keys(byLanguage);
    if (languages.length < 2) { return; }

    var bar = document.createElement("div");
    bar.className = "translation-tabs";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Sprache der Eingabefelder");
    var label = document.createElement("span");
    label.className = "translation-tabs__label";
    label.textContent = "Sprache der Eingabefelder:";
    bar.appendChild(label);

    var buttons = {};
    function show(active) {
      var current = collect(form);  // inlines added after load are included
      Object.keys(current).forEach(function (language) {
        current[language].forEach(function (el) { el.hidden = language !== active; });
      });
      Object.keys(buttons).forEach(function (language) {
        buttons[language].setAttribute("aria-pressed", String(language === active));
      });
    }

    var remembered = rememberedLanguage();
    var first = languages.indexOf("de") >= 0 ? "de" : languages[0];
    if (remembered && languages.indexOf(remembered) >= 0) { first = remembered; }
    languages.forEach(function (language) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "translation-tabs__button";
      button.lang = language;
      button.textContent = NAMES[language] || language;
      if (hasError(byLanguage[language])) {
        button.classList.add("translation-tabs__button--error");
        button.textContent += " (Fehler)";
        if (!hasError(byLanguage[first])) { first = language; }
      }
      button.addEventListener("click", function () {
        show(language);
        remember(language);
      });
      buttons[language] = button;
      bar.appendChild(button);
    });

    form.insertBefore(bar, form.firstElementChild);
    show(first);
    // An error elsewhere opened another tab: the next save should come back to that one.
    if (remembered && remembered !== first) { remember(first); }
    document.addEventListener("formset:added", function () {
      var pressed = Object.keys(buttons).filter(function (l) {
        return buttons[l].getAttribute("aria-pressed") === "true";
      })[0];
      show(pressed || first);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
