// The article editor: a toolbar and shortcuts that write Markdown, a table helper, `[[`
// autocomplete, lists that continue on Enter, a preview that follows the text, and a local
// copy of unsaved text. Without script the form is a plain text box that saves the same way.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // ---- Editing the text ------------------------------------------------------------------

  // Replaces the selection through the browser's own editing, so that Ctrl+Z undoes it.
  function replaceSelection(area, text, selectFrom, selectTo) {
    var start = area.selectionStart;
    area.focus();
    var done = false;
    try { done = document.execCommand("insertText", false, text); } catch (error) { done = false; }
    if (!done) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (selectFrom !== undefined) {
      area.selectionStart = start + selectFrom;
      area.selectionEnd = start + (selectTo === undefined ? selectFrom : selectTo);
    }
  }

  function lineStart(text, index) { return text.lastIndexOf("\n", index - 1) + 1; }
  function lineEnd(text, index) { var end = text.indexOf("\n", index); return end < 0 ? text.length : end; }

  // Wraps the selection (or a placeholder word, selected) in a marker on each side.
  function wrap(area, before, after, placeholder) {
    var selected = area.value.slice(area.selectionStart, area.selectionEnd);
    var inner = selected || placeholder;
    replaceSelection(area, before + inner + after, before.length, before.length + inner.length);
  }

  // Puts `prefix(i)` at the start of every selected line (or takes it off when all have it).
  function prefixLines(area, prefix, pattern) {
    var text = area.value;
    var from = lineStart(text, area.selectionStart);
    var to = lineEnd(text, Math.max(area.selectionStart, area.selectionEnd - (area.selectionEnd > area.selectionStart ? 1 : 0)));
    var lines = text.slice(from, to).split("\n");
    var all = lines.every(function (line) { return pattern.test(line); });
    var changed = lines.map(function (line, i) {
      return all ? line.replace(pattern, "") : prefix(i) + line.replace(pattern, "");
    }).join("\n");
    area.selectionStart = from;
    area.selectionEnd = to;
    replaceSelection(area, changed, changed.length);
  }

  // Inserts a block on lines of its own, with blank lines around it.
  function insertBlock(area, block, selectFrom, selectTo) {
    var text = area.value;
    var start = area.selectionStart;
    var before = text.slice(0, start);
    var lead = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    var rest = text.slice(area.selectionEnd);
    var tail = rest === "" || /^\n\n/.test(rest) ? "\n" : (/^\n/.test(rest) ? "\n" : "\n\n");
    replaceSelection(area, lead + block + tail,
      selectFrom === undefined ? lead.length + block.length : lead.length + selectFrom,
      selectTo === undefined ? undefined : lead.length + selectTo);
  }

  function table(rows, columns, header) {
    var cells = function (make) { var out = []; for (var c = 0; c < columns; c++) out.push(make(c)); return "| " + out.join(" | ") + " |"; };
    var lines = [cells(function (c) { return header + " " + (c + 1); }), cells(function () { return "---"; })];
    for (var r = 0; r < rows; r++) lines.push(cells(function () { return "   "; }));
    return lines.join("\n");
  }

  // The table around the cursor: its first and last line, and the column the cursor is in.
  function tableAt(area) {
    var text = area.value;
    var lines = text.split("\n");
    var offset = 0, index = -1;
    for (var i = 0; i < lines.length; i++) {
      if (area.selectionStart <= offset + lines[i].length) { index = i; break; }
      offset += lines[i].length + 1;
    }
    var isRow = function (line) { return /^\s*\|/.test(line || ""); };
    if (index < 0 || !isRow(lines[index])) return null;
    var first = index, last = index;
    while (first > 0 && isRow(lines[first - 1])) first--;
    while (last < lines.length - 1 && isRow(lines[last + 1])) last++;
    if (last - first < 1 || !/^\s*\|?\s*:?-{1,}/.test(lines[first + 1])) return null;
    var column = (lines[index].slice(0, area.selectionStart - offset).match(/(^|[^\\])\|/g) || []).length - 1;
    return { lines: lines, first: first, last: last, row: index, column: Math.max(0, column) };
  }

  function cellsOf(line) {
    var inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
    return inner.split(/(?<!\\)\|/).map(function (cell) { return cell.trim(); });
  }

  function rowOf(cells) { return "| " + cells.join(" | ") + " |"; }

  function replaceLines(area, lines, first, last, replacement, cursorLine) {
    var from = 0;
    for (var i = 0; i < first; i++) from += lines[i].length + 1;
    var to = from;
    for (var j = first; j <= last; j++) to += lines[j].length + (j < last ? 1 : 0);
    area.selectionStart = from;
    area.selectionEnd = to;
    var cursor = 0;
    for (var k = 0; k < cursorLine; k++) cursor += replacement[k].length + 1;
    replaceSelection(area, replacement.join("\n"), cursor + 2);
  }

  function addRow(area) {
    var found = tableAt(area);
    if (!found) return false;
    var columns = cellsOf(found.lines[found.first]).length;
    var after = Math.max(found.row, found.first + 1);
    var block = found.lines.slice(found.first, found.last + 1);
    var empty = []; for (var c = 0; c < columns; c++) empty.push("   ");
    block.splice(after - found.first + 1, 0, rowOf(empty));
    replaceLines(area, found.lines, found.first, found.last, block, after - found.first + 1);
    return true;
  }

  function addColumn(area) {
    var found = tableAt(area);
    if (!found) return false;
    var block = found.lines.slice(found.first, found.last + 1).map(function (line, i) {
      var cells = cellsOf(line);
      var at = Math.min(found.column + 1, cells.length);
      cells.splice(at, 0, i === 1 ? "---" : "   ");
      return rowOf(cells);
    });
    replaceLines(area, found.lines, found.first, found.last, block, found.row - found.first);
    return true;
  }

  // What each toolbar button (and its shortcut) does to the text.
  var actions = {
    bold: function (area, toolbar) { wrap(area, "**", "**", toolbar.dataset.placeholderText); },
    italic: function (area, toolbar) { wrap(area, "*", "*", toolbar.dataset.placeholderText); },
    strike: function (area, toolbar) { wrap(area, "~~", "~~", toolbar.dataset.placeholderText); },
    heading: function (area) {
      // Each press goes one level deeper: ## → ### → #### → plain.
      var text = area.value, from = lineStart(text, area.selectionStart), line = text.slice(from, lineEnd(text, from));
      var level = (line.match(/^(#{1,6}) /) || [null, ""])[1].length;
      var next = level === 0 ? "## " : level >= 4 ? "" : new Array(level + 2).join("#") + " ";
      area.selectionStart = from;
      area.selectionEnd = from + line.length;
      var bare = line.replace(/^#{1,6} /, "");
      replaceSelection(area, next + bare, next.length + bare.length);
    },
    link: function (area, toolbar) {
      var selected = area.value.slice(area.selectionStart, area.selectionEnd) || toolbar.dataset.placeholderLink;
      var url = "https://";
      replaceSelection(area, "[" + selected + "](" + url + ")", selected.length + 3, selected.length + 3 + url.length);
    },
    wikilink: function (area) {
      var selected = area.value.slice(area.selectionStart, area.selectionEnd);
      if (selected) replaceSelection(area, "[[" + selected + "]]", selected.length + 4);
      else replaceSelection(area, "[[", 2);
    },
    bullets: function (area) { prefixLines(area, function () { return "- "; }, /^(\s*)[-*+] (\[[ xX]\] )?/); },
    numbers: function (area) { prefixLines(area, function (i) { return (i + 1) + ". "; }, /^(\s*)\d{1,9}[.)] /); },
    checklist: function (area) { prefixLines(area, function () { return "- [ ] "; }, /^(\s*)[-*+] \[[ xX]\] /); },
    quote: function (area) { prefixLines(area, function () { return "> "; }, /^> ?/); },
    code: function (area, toolbar) {
      var selected = area.value.slice(area.selectionStart, area.selectionEnd);
      if (selected.indexOf("\n") >= 0) insertBlock(area, "```\n" + selected + "\n```");
      else wrap(area, "`", "`", toolbar.dataset.placeholderCode);
    },
    rule: function (area) { insertBlock(area, "---"); }
  };

  function setUpToolbar(area, toolbar) {
    toolbar.hidden = false;
    var tablePanel = document.getElementById("table-panel");
    var calloutPanel = document.getElementById("callout-panel");
    var fileInput = document.getElementById("upload-files");

    function toggle(panel, button) {
      [tablePanel, calloutPanel].forEach(function (other) {
        if (other && other !== panel) other.hidden = true;
      });
      panel.hidden = !panel.hidden;
      toolbar.querySelectorAll("[aria-expanded]").forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
      button.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
      if (!panel.hidden) {
        var inTable = !!tableAt(area);
        panel.querySelectorAll("[data-needs-table]").forEach(function (b) { b.disabled = !inTable; });
        var first = panel.querySelector("input, button:not([disabled])");
        if (first) first.focus();
      }
    }

    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "table" && tablePanel) return toggle(tablePanel, button);
      if (action === "callout" && calloutPanel) return toggle(calloutPanel, button);
      if (action === "file") { if (fileInput) fileInput.click(); return; }
      if (actions[action]) actions[action](area, toolbar);
    });

    if (tablePanel) {
      tablePanel.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-table]");
        if (!button) return;
        var what = button.getAttribute("data-table");
        if (what === "insert") {
          var clamp = function (input, fallback) {
            var value = parseInt(input.value, 10);
            return isNaN(value) ? fallback : Math.min(20, Math.max(1, value));
          };
          var rows = clamp(tablePanel.querySelector("[name=table-rows]"), 3);
          var columns = clamp(tablePanel.querySelector("[name=table-columns]"), 3);
          // The cursor lands in the first header cell, selected, to be typed over.
          var header = toolbar.dataset.placeholderColumn;
          insertBlock(area, table(rows, columns, header), 2, 2 + header.length + 2);
        } else if (what === "row") {
          addRow(area);
        } else if (what === "column") {
          addColumn(area);
        }
        tablePanel.hidden = true;
        area.focus();
      });
    }

    if (calloutPanel) {
      calloutPanel.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-callout]");
        if (!button) return;
        var kind = button.getAttribute("data-callout");
        var selected = area.value.slice(area.selectionStart, area.selectionEnd);
        var body = (selected || toolbar.dataset.placeholderText).split("\n").map(function (line) { return "> " + line; }).join("\n");
        var block = "> [!" + kind + "]\n" + body;
        insertBlock(area, block, block.length - body.length + 2, block.length);
        calloutPanel.hidden = true;
      });
    }

    [tablePanel, calloutPanel].forEach(function (panel) {
      if (!panel) return;
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { panel.hidden = true; area.focus(); }
        if (event.key === "Enter" && event.target.tagName === "INPUT") {
          event.preventDefault();
          panel.querySelector("button").click();
        }
      });
    });

    area.addEventListener("keydown", function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      var key = event.key.toLowerCase();
      var shortcut = { b: "bold", i: "italic", k: "link" }[key];
      if (event.shiftKey) shortcut = { x: "strike", "7": "numbers", "8": "bullets", "9": "checklist" }[key];
      if (shortcut) {
        event.preventDefault();
        actions[shortcut](area, toolbar);
      }
    });
  }

  // Enter in a list item starts the next item; Enter on an empty item ends the list.
  function setUpListContinuation(area, completer) {
    area.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.defaultPrevented || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey
          || event.isComposing) return;
      if (completer.isOpen() || area.selectionStart !== area.selectionEnd) return;
      var text = area.value, from = lineStart(text, area.selectionStart);
      var line = text.slice(from, area.selectionStart);
      var match = line.match(/^(\s*)([-*+] \[[ xX]\] |[-*+] |(\d{1,9})([.)]) |> )/);
      if (!match) return;
      event.preventDefault();
      if (line.length === match[0].length) {
        // An empty item: the list ends here.
        area.selectionStart = from;
        replaceSelection(area, "", 0);
        return;
      }
      var marker = match[3] ? (parseInt(match[3], 10) + 1) + match[4] + " " : match[2].replace(/\[[xX]\]/, "[ ]");
      replaceSelection(area, "\n" + match[1] + marker);
    });
  }

  // ---- `[[` autocomplete -----------------------------------------------------------------

  // Where the caret is, in pixels inside the text box: measured on a hidden copy of its text.
  function caretPosition(area) {
    var mirror = document.createElement("div");
    var style = window.getComputedStyle(area);
    ["boxSizing", "width", "fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft",
      "paddingRight", "borderTopWidth", "borderLeftWidth", "tabSize"].forEach(function (name) { mirror.style[name] = style[name]; });
    mirror.style.position = "absolute";
    mirror.style.visibility = "hidden";
    mirror.style.whiteSpace = "pre-wrap";
    mirror.style.overflowWrap = "break-word";
    mirror.textContent = area.value.slice(0, area.selectionStart);
    var marker = document.createElement("span");
    marker.textContent = "\u200b";
    mirror.appendChild(marker);
    document.body.appendChild(mirror);
    var position = { left: marker.offsetLeft, top: marker.offsetTop + marker.offsetHeight - area.scrollTop };
    document.body.removeChild(mirror);
    return position;
  }

  function setUpLinkCompleter(area, list) {
    var timer = null, sequence = 0, typed = null;
    var box = window.Lore.Listbox(area, list, function (item) {
      if (typed === null) return;
      var link = item.getAttribute("data-link");
      var end = area.selectionStart;
      // Brackets the author already typed after the cursor are part of the link.
      var closing = area.value.slice(end, end + 2) === "]]" ? 2 : 0;
      area.selectionStart = end - typed.length - 2;
      area.selectionEnd = end + closing;
      typed = null;
      replaceSelection(area, link, link.length);
    }, true);

    function entry(suggestion, i) {
      var item = document.createElement("li");
      item.id = "link-suggestion-" + i;
      if (suggestion.hint) {
        item.className = "hint";
        item.textContent = suggestion.hint;
        return item;
      }
      item.setAttribute("role", "option");
      item.setAttribute("data-link", suggestion.link);
      item.textContent = suggestion.title;
      var trail = document.createElement("span");
      trail.className = "trail";
      trail.textContent = suggestion.trail;
      item.appendChild(trail);
      return item;
    }

    function show(suggestions, query) {
      box.show((suggestions.length ? suggestions : [{ hint: query.length < 2 ? list.dataset.hint : list.dataset.none }]).map(entry));
      var at = caretPosition(area);
      list.style.left = Math.min(at.left, Math.max(0, area.clientWidth - 280)) + "px";
      list.style.top = (area.offsetTop + Math.min(at.top, area.clientHeight) + 4) + "px";
      list.hidden = false;
      if (box.items.length) box.highlight(0);
    }

    function check() {
      var before = area.value.slice(Math.max(0, area.selectionStart - 80), area.selectionStart);
      var match = before.match(/\[\[([^\[\]|\n]*)$/);
      if (!match || area.selectionStart !== area.selectionEnd) { typed = null; box.close(); return; }
      typed = match[1];
      var type = "article", query = typed;
      if (/^client:/i.test(typed)) { type = "client"; query = typed.slice(7); }
      query = query.trim();
      if (query.length < 2) { show([], query); return; }
      var mine = ++sequence;
      fetch("/search/suggest?type=" + type + "&q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) { if (mine === sequence && typed !== null) show(suggestions, query); })
        .catch(function () {});
    }

    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 120); });
    area.addEventListener("click", box.close);
    return box;
  }

  // ---- Preview, saving and leaving ---------------------------------------------------------

  // Live preview: post the text to the server, which renders it exactly as a save would.
  function setUpPreview(form, area, preview) {
    var timer = null, inFlight = null, lastSent = area.value;

    function refresh() {
      var text = area.value;
      if (text === lastSent) return;
      lastSent = text;
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      fetch("/preview", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: new URLSearchParams({
          body: text, article: form.getAttribute("data-article-id") || "", files: form.getAttribute("data-files") || "", _csrf: csrfToken()
        }).toString(),
        credentials: "same-origin",
        signal: inFlight.signal
      })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          // The server's renderer runs cmark in safe mode: this HTML holds no script.
          preview.innerHTML = html || "";
          preview.classList.toggle("is-empty", text.trim() === "");
          preview.classList.remove("is-stale");
          follow();
        })
        .catch(function (error) {
          if (error.name !== "AbortError") preview.classList.add("is-stale");
        });
    }

    // The preview scrolls with the text: the same share of the way down.
    function follow() {
      var range = area.scrollHeight - area.clientHeight;
      var share = range > 0 ? area.scrollTop / range : (area.selectionStart / Math.max(1, area.value.length));
      preview.scrollTop = share * (preview.scrollHeight - preview.clientHeight);
    }

    function fit() {
      if (window.matchMedia("(min-width: 60em)").matches) preview.style.maxHeight = area.offsetHeight + "px";
      else preview.style.maxHeight = "";
    }

    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
    area.addEventListener("scroll", follow);
    window.addEventListener("resize", fit);
    if (window.ResizeObserver) new ResizeObserver(fit).observe(area);
    fit();
    return refresh;
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

  // Unsaved text is kept in this browser as it is typed, and offered back after a reload or a
  // crash; leaving the page with unsaved text asks first.
  function setUpLocalDraft(form, area) {
    var storage;
    try { storage = window.localStorage; storage.getItem("lore-probe"); } catch (error) { storage = null; }
    var key = "lore-draft:" + form.getAttribute("action");
    var fields = ["title", "slug", "summary", "body", "baseRevision", "files"];
    var dirty = false, timer = null;
    var notice = document.getElementById("draft-restored");

    function field(name) { return form.querySelector('[name="' + name + '"]'); }
    function values() {
      var state = { savedAt: Date.now() };
      fields.forEach(function (name) { var input = field(name); if (input) state[name] = input.value; });
      return state;
    }

    var sent = null;
    try { sent = storage && JSON.parse(storage.getItem("lore-draft-sent") || "null"); } catch (error) { sent = null; }
    // This form was sent and came back (a mistake to correct, a clash to resolve): the page holds
    // the writer's text as the server kept it. A page just brought from Word or a template, or
    // opened from a link to a missing page, is what the writer asked for now.
    var cameBack = sent === key;
    if (cameBack) storage.removeItem("lore-draft-sent");
    var fresh = cameBack || form.getAttribute("data-fresh") === "true";
    var saved = null;
    try { saved = !fresh && storage && JSON.parse(storage.getItem(key) || "null"); } catch (error) { saved = null; }
    var original = values();
    if (saved && saved.body !== undefined && (saved.body !== original.body || saved.title !== original.title) && notice) {
      fields.forEach(function (name) {
        var input = field(name);
        if (input && saved[name] !== undefined) input.value = saved[name];
      });
      // The text restored started from the revision it was written on: a save merges or shows the clash.
      if (saved.files) {
        form.setAttribute("data-files", saved.files);
        var uploader = document.querySelector(".uploader[data-upload-url]");
        if (uploader) uploader.setAttribute("data-upload-url", "/drafts/" + saved.files + "/files");
      }
      var time = new Date(saved.savedAt);
      notice.querySelector(".draft-time").textContent = time.toLocaleString(document.documentElement.lang || undefined,
        { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
      notice.hidden = false;
      dirty = true;
      notice.querySelector("button").addEventListener("click", function () {
        fields.forEach(function (name) { var input = field(name); if (input && original[name] !== undefined) input.value = original[name]; });
        form.setAttribute("data-files", original.files || "");
        storage.removeItem(key);
        notice.hidden = true;
        dirty = false;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }

    form.addEventListener("input", function () {
      dirty = true;
      if (!storage) return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        try { storage.setItem(key, JSON.stringify(values())); } catch (error) { /* full: the text is still in the form */ }
      }, 400);
    });
    form.addEventListener("submit", function () {
      dirty = false;
      clearTimeout(timer);
      if (!storage) return;
      try {
        storage.setItem(key, JSON.stringify(values()));
        storage.setItem("lore-draft-sent", JSON.stringify(key));
      } catch (error) { /* nothing to keep */ }
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("article-form");
    if (!form) return;
    var area = form.querySelector("#body");
    var preview = document.getElementById("preview");
    var toolbar = document.getElementById("editor-toolbar");
    var list = document.getElementById("link-suggestions");
    setUpSaveShortcut(form);
    setUpLocalDraft(form, area);
    if (preview) setUpPreview(form, area, preview);
    var completer = list ? setUpLinkCompleter(area, list) : { isOpen: function () { return false; } };
    if (toolbar) setUpToolbar(area, toolbar);
    setUpListContinuation(area, completer);
    // The Word import goes to the category chosen in the form.
    var category = form.querySelector("#category");
    var importCategory = document.querySelector("#word-import-form [name=category]");
    if (category && importCategory) category.addEventListener("change", function () { importCategory.value = category.value; });
  });
})();
