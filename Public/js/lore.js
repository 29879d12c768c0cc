// Lore's small amount of script. Every page works without it; it only adds comfort.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // After a save the editor (editor.js) is gone: the copy of its text it kept is not needed any more.
  function forgetSentDraft() {
    try {
      var sent = JSON.parse(window.localStorage.getItem("lore-draft-sent") || "null");
      if (sent && !document.getElementById("article-form")) {
        window.localStorage.removeItem(sent);
        window.localStorage.removeItem("lore-draft-sent");
      }
    } catch (error) { /* no storage: nothing was kept */ }
  }

  // On narrow screens the category tree, the site's links and the account fold away behind
  // a menu button, and the search box behind a search button.
  function setUpNavToggle() {
    var button = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) return;
    document.body.classList.add("has-nav-toggle");
    button.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      document.body.classList.toggle("menu-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    var search = document.querySelector(".search-toggle");
    var field = document.getElementById("header-q");
    if (!search || !field) return;
    search.addEventListener("click", function () {
      var open = document.body.classList.toggle("search-open");
      search.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) field.focus();
    });
  }

  // Blocks that are open on wide screens (the contents, search filters) start folded on a
  // phone, so the page's text comes first; without script they stay open.
  function foldOnPhone() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 37.5rem)").matches) return;
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (block) { block.open = false; });
  }

  // A list of choices under a text field, worked with the arrow keys, Enter (and Tab where
  // `withTab`) and Escape: the header's suggestions and the editor's `[[` links (editor.js).
  // `choose(item)` acts on the item picked.
  function Listbox(input, list, choose, withTab) {
    var box = { items: [], active: -1 };

    box.close = function () {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      box.items = [];
      box.active = -1;
    };

    box.highlight = function (index) {
      box.items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      box.active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", box.items[index].id);
      else input.removeAttribute("aria-activedescendant");
    };

    // `entries` are list items already made; those with role="option" can be chosen.
    box.show = function (entries) {
      box.close();
      entries.forEach(function (entry) {
        list.appendChild(entry);
        if (entry.getAttribute("role") === "option") box.items.push(entry);
      });
      if (!entries.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    };

    box.isOpen = function () { return !list.hidden && box.items.length > 0; };

    list.addEventListener("mousedown", function (event) {
      var item = event.target.closest("[role=option]");
      if (item && !item.querySelector("a")) { event.preventDefault(); choose(item); box.close(); }
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      var count = box.items.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        box.highlight((box.active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        box.highlight(box.active <= 0 ? count - 1 : box.active - 1);
      } else if ((event.key === "Enter" || (withTab && event.key === "Tab")) && box.active >= 0) {
        event.preventDefault();
        var item = box.items[box.active];
        box.close();
        choose(item);
      } else if (event.key === "Escape") {
        event.preventDefault();
        box.close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(box.close, 200); });
    return box;
  }
  window.Lore = { Listbox: Listbox };

  // The header search box suggests pages after two characters. Without script it is a plain
  // form that opens the search page.
  function setUpSearchSuggestions() {
    var input = document.getElementById("header-q");
    var list = document.getElementById("header-suggestions");
    if (!input || !list) return;
    var timer = null, sequence = 0;
    var box = Listbox(input, list, function (item) { window.location.href = item.querySelector("a").href; });

    function entry(suggestion, i) {
      var item = document.createElement("li");
      item.id = "suggestion-" + i;
      item.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = suggestion.url;
      link.textContent = suggestion.title;
      var trail = document.createElement("span");
      trail.className = "trail";
      trail.textContent = suggestion.trail;
      link.appendChild(trail);
      item.appendChild(link);
      return item;
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < 2) { box.close(); return; }
      var mine = ++sequence;
      fetch("/search/suggest?q=" + encodeURIComponent(text), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) { if (mine === sequence) box.show(suggestions.map(entry)); })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
  }

  // Attachments: files chosen, dropped on the editor or pasted into it are sent one request
  // each, with their progress shown; each upload puts its Markdown where the cursor is.
  function setUpUploads(box) {
    var url = box.getAttribute("data-upload-url");
    var target = document.getElementById(box.getAttribute("data-insert-into") || "");
    var input = box.querySelector("input[type=file]");
    var progress = box.querySelector(".upload-progress");

    function insert(markdown) {
      if (!target) return;
      var start = target.selectionStart || target.value.length;
      var before = target.value.slice(0, start);
      var text = (before && !/\n$/.test(before) ? "\n" : "") + markdown + "\n";
      target.value = before + text + target.value.slice(target.selectionEnd || start);
      target.selectionStart = target.selectionEnd = start + text.length;
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function upload(file, name) {
      var item = document.createElement("li");
      item.textContent = name + " — 0%";
      progress.appendChild(item);
      var request = new XMLHttpRequest();
      request.open("POST", url + "?name=" + encodeURIComponent(name));
      request.setRequestHeader("X-CSRF-Token", csrfToken());
      request.setRequestHeader("Content-Type", "application/octet-stream");
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) item.textContent = name + " — " + Math.round(event.loaded * 100 / event.total) + "%";
      });
      request.addEventListener("load", function () {
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (error) { answer = null; }
        if (request.status === 201 && answer) {
          item.textContent = answer.name + " ✓";
          item.classList.add("upload-done");
          if (target) insert(answer.markdown); else window.location.reload();
        } else {
          item.textContent = name + ": " + ((answer && answer.error) || request.statusText || "error");
          item.classList.add("field-error");
        }
      });
      request.addEventListener("error", function () {
        item.textContent = name + ": " + (box.getAttribute("data-failed") || "upload failed");
        item.classList.add("field-error");
      });
      request.send(file);
    }

    function uploadAll(files) {
      Array.prototype.forEach.call(files, function (file, index) {
        // A pasted screenshot has no name of its own.
        var name = file.name && file.name !== "image.png" ? file.name : "pasted-" + Date.now() + "-" + index + ".png";
        upload(file, name);
      });
    }

    input.addEventListener("change", function () { uploadAll(input.files); input.value = ""; });
    box.closest("section").addEventListener("click", function (event) {
      var button = event.target.closest(".insert-file");
      if (button) insert(button.getAttribute("data-markdown"));
    });
    if (!target) return;
    target.addEventListener("dragover", function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
        event.preventDefault();
        target.classList.add("drop-target");
      }
    });
    target.addEventListener("dragleave", function () { target.classList.remove("drop-target"); });
    target.addEventListener("drop", function (event) {
      target.classList.remove("drop-target");
      if (event.dataTransfer && event.dataTransfer.files.length) {
        event.preventDefault();
        uploadAll(event.dataTransfer.files);
      }
    });
    target.addEventListener("paste", function (event) {
      var files = event.clipboardData ? event.clipboardData.files : [];
      if (files && files.length) {
        event.preventDefault();
        uploadAll(files);
      }
    });
  }

  // "Print the acknowledgement sheet" and the like: the browser's own printing.
  function setUpPrintButtons() {
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Buttons that cannot be undone (purging for good) ask first.
  function setUpConfirmations() {
    document.querySelectorAll("button[data-confirm]").forEach(function (button) {
      button.form.addEventListener("submit", function (event) {
        if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
  }

  // A page's task lists, ticked by each reader for themselves: the page is the same for all
  // its readers, so the reader's own ticks are asked for here and each change is sent back.
  function setUpChecklist(progress) {
    var url = progress.getAttribute("data-checklist");
    var template = progress.getAttribute("data-template") || "{done}/{total}";
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".markdown-body input[data-item]"));
    var line = document.createElement("span");
    line.className = "checklist-count";
    line.id = "checklist-count";
    progress.insertBefore(line, progress.firstChild);

    function show(state) {
      var checked = {};
      state.items.forEach(function (item) { checked[item.key] = item.checked; });
      boxes.forEach(function (box) {
        var key = box.getAttribute("data-item");
        if (key in checked) box.checked = checked[key];
      });
      line.textContent = template.replace("{done}", state.done).replace("{total}", state.total) + " ";
    }

    function send(box) {
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrfToken() },
        body: new URLSearchParams({ item: box.getAttribute("data-item"), checked: box.checked ? "1" : "0" }).toString()
      }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(show).catch(function () {
        box.checked = !box.checked;
      });
    }

    fetch(url + ".json", { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (!state) return;
      show(state);
      if (!state.canTick) return;
      boxes.forEach(function (box) {
        box.disabled = false;
        box.addEventListener("change", function () { send(box); });
      });
    });
  }

  // `@` in a comment or a page suggests colleagues; choosing one writes `@username`, which
  // tells them (if they may read the page). The list sits under the text box.
  // An empty list of choices right under a text field, for Listbox.
  function listUnder(field, id) {
    var list = document.createElement("ul");
    list.className = "suggestions mention-suggestions";
    list.id = id;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var label = field.labels && field.labels[0];
    list.setAttribute("aria-label", label ? label.textContent.trim() : field.getAttribute("placeholder") || "");
    field.insertAdjacentElement("afterend", list);
    field.parentNode.classList.add("has-mentions");
    field.setAttribute("aria-controls", id);
    field.setAttribute("aria-autocomplete", "list");
    return list;
  }

  // An option with a second, quieter line.
  function option(id, text, trail) {
    var item = document.createElement("li");
    item.id = id;
    item.setAttribute("role", "option");
    item.textContent = text;
    var second = document.createElement("span");
    second.className = "trail";
    second.textContent = trail;
    item.appendChild(second);
    return item;
  }

  function setUpMentions(area, index) {
    var list = listUnder(area, "people-" + index);
    var typed = null, sequence = 0, timer = null;
    var box = Listbox(area, list, function (item) {
      if (typed === null) return;
      var end = area.selectionStart;
      area.setRangeText("@" + item.getAttribute("data-username") + " ", end - typed.length - 1, end, "end");
      typed = null;
      area.dispatchEvent(new Event("input", { bubbles: true }));
      area.focus();
    }, true);

    function entry(person, i) {
      var item = option(list.id + "-" + i, person.name, "@" + person.username);
      item.setAttribute("data-username", person.username);
      return item;
    }

    function check() {
      var before = area.value.slice(Math.max(0, area.selectionStart - 41), area.selectionStart);
      var match = before.match(/(^|[^\w@.\/])@([A-Za-z0-9][\w.-]{0,38})$/);
      if (!match || area.selectionStart !== area.selectionEnd) { typed = null; box.close(); return; }
      typed = match[2];
      var mine = ++sequence;
      fetch("/people/suggest?q=" + encodeURIComponent(typed), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (people) {
          if (mine !== sequence || typed === null) return;
          box.show(people.map(entry));
          if (box.items.length) box.highlight(0);
        })
        .catch(function () {});
    }

    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 120); });
  }

  // A list's search box that shows results as you type: the same page is asked for with the
  // form's fields, and its results region replaces this one. Without script the form submits.
  function setUpLiveSearch(input) {
    var region = document.getElementById(input.getAttribute("data-live-search"));
    if (!region || !input.form) return;
    var timer = null, sequence = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var fields = new URLSearchParams();
        new FormData(input.form).forEach(function (value, name) { if (value !== "") fields.append(name, value); });
        var query = fields.toString();
        var address = input.form.getAttribute("action") + "?" + query;
        var mine = ++sequence;
        fetch(address, { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) {
            if (mine !== sequence || html === null) return;
            var found = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
            if (found) region.innerHTML = found.innerHTML;
            history.replaceState(null, "", address);
          })
          .catch(function () {});
      }, 250);
    });
  }

  // A field that names an article (the client card's "link an article") suggests pages by
  // title; choosing one puts the page's address in the field.
  function setUpArticleField(input, index) {
    var list = listUnder(input, "article-choices-" + index);
    var sequence = 0, timer = null;
    var box = Listbox(input, list, function (item) { input.value = item.getAttribute("data-slug"); }, true);
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2) { box.close(); return; }
        var mine = ++sequence;
        fetch("/search/suggest?type=article&q=" + encodeURIComponent(typed), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) {
            if (mine !== sequence) return;
            box.show(found.map(function (page, i) {
              var item = option(list.id + "-" + i, page.title, page.trail);
              item.setAttribute("data-slug", page.url.replace(/^\/a\//, ""));
              return item;
            }));
            if (box.items.length) box.highlight(0);
          })
          .catch(function () {});
      }, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    forgetSentDraft();
    document.querySelectorAll("input[data-article-suggest]").forEach(setUpArticleField);
    document.querySelectorAll("input[data-live-search]").forEach(setUpLiveSearch);
    document.querySelectorAll("textarea[data-mentions]").forEach(setUpMentions);
    setUpNavToggle();
    foldOnPhone();
    setUpConfirmations();
    setUpPrintButtons();
    setUpSearchSuggestions();
    document.querySelectorAll(".uploader[data-upload-url]").forEach(setUpUploads);
    var checklist = document.getElementById("checklist-progress");
    if (checklist) setUpChecklist(checklist);
  });
})();
