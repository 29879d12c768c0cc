// Lore's small amount of script. Every page works without it; it only adds comfort.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Live preview: post the text to the server, which renders it exactly as a save would.
  function setUpPreview(form) {
    var body = form.querySelector("#body");
    var preview = document.getElementById("preview");
    if (!body || !preview) return;
    var timer = null;
    var inFlight = null;
    var lastSent = null;

    function refresh() {
      var text = body.value;
      if (text === lastSent) return;
      lastSent = text;
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      fetch("/preview", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: new URLSearchParams({ body: text, article: form.getAttribute("data-article-id") || "", _csrf: csrfToken() }).toString(),
        credentials: "same-origin",
        signal: inFlight.signal
      })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          // The server's renderer runs cmark in safe mode: this HTML holds no script.
          preview.innerHTML = html || "";
          preview.classList.toggle("is-empty", text.trim() === "");
        })
        .catch(function (error) {
          if (error.name !== "AbortError") preview.classList.add("is-stale");
        });
    }

    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    lastSent = body.value;
  }

  // Ctrl+S / Cmd+S saves the form instead of saving the page to disk.
  function setUpSaveShortcut(form) {
    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
        event.preventDefault();
        if (typeof form.requestSubmit === "function") form.requestSubmit();
        else form.submit();
      }
    });
  }

  // Leaving the editor with unsaved text asks first.
  function setUpLeaveWarning(form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });
  }

  // On narrow screens the category tree folds away behind a menu button.
  function setUpNavToggle() {
    var button = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) return;
    document.body.classList.add("has-nav-toggle");
    button.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // The header search box suggests pages after two characters. Without script it is a plain
  // form that opens the search page.
  function setUpSearchSuggestions() {
    var input = document.getElementById("header-q");
    var list = document.getElementById("header-suggestions");
    if (!input || !list) return;
    var timer = null, sequence = 0, active = -1, items = [];

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      items = [];
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(suggestions) {
      close();
      if (!suggestions.length) return;
      suggestions.forEach(function (suggestion, i) {
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
        list.appendChild(item);
        items.push(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      var mine = ++sequence;
      fetch("/search/suggest?q=" + encodeURIComponent(text), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) { if (mine === sequence) show(suggestions); })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
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

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("article-form");
    if (form) {
      setUpPreview(form);
      setUpSaveShortcut(form);
      setUpLeaveWarning(form);
    }
    setUpNavToggle();
    setUpConfirmations();
    setUpSearchSuggestions();
    document.querySelectorAll(".uploader[data-upload-url]").forEach(setUpUploads);
    var checklist = document.getElementById("checklist-progress");
    if (checklist) setUpChecklist(checklist);
  });
})();
