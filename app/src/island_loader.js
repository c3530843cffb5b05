// Notikumi in the browser (docs/islands.md). Pages are server HTML; only their
// <leptos-island> elements need the WebAssembly, and a page without one loads none.
// Following a link or sending a GET form fetches the next page's HTML and swaps it in
// instead of loading the page anew: nothing flashes, and the WebAssembly already loaded
// stays. <html data-hydrated="true"> says that the page's islands that start at once are
// live (the browser tests wait for it).
((readers, editors) => {
  const root = document.documentElement;
  // Two builds of the WebAssembly: a page rendered for a signed-in editor (it carries the
  // editors' messages) needs the one with every island; readers' pages the smaller one with
  // only their own. A page keeps the build it started with.
  const buildFor = (page) => (page.getElementById("editor-messages") ? editors : readers);
  const [script, wasm] = buildFor(document);
  let app = null;

  const loadApp = () => {
    app ??= import(script)
      .then(async (module) => {
        await module.default({ module_or_path: wasm });
        module.hydrate();
        return module;
      })
      .catch((error) => {
        // Let a later page try again.
        app = null;
        throw error;
      });
    return app;
  };

  // Each island once, and only while it is still on the page.
  const hydrate = async (islands) => {
    const waiting = islands.filter((island) => island.isConnected && !island.notikumiLive);
    if (waiting.length === 0) return;
    const module = await loadApp();
    const failed = (island) => (error) => {
      // One broken island leaves the others, and the page, working.
      console.error(`The island ${island.dataset.component} failed`, error);
    };
    // A lazy island answers with a promise (its code is still on its way): the islands after
    // it, an eager one inside it included, do not wait for it.
    const loading = [];
    for (const island of waiting) {
      if (!island.isConnected || island.notikumiLive) continue;
      island.notikumiLive = true;
      const live = module[island.dataset.component];
      try {
        if (!live) throw new Error("no such export");
        const result = live(island);
        if (result?.then) loading.push(result.catch(failed(island)));
      } catch (error) {
        failed(island)(error);
      }
    }
    await Promise.all(loading);
    // The islands' own handlers (Leptos listens on window) must see clicks and submissions
    // first, so a handler that prevents the default is obeyed: listen after them.
    listen();
  };

  // An island inside `[data-hydrate=focus]` wakes when something in it is first focused or
  // touched; what was typed before it woke is announced to it again.
  const wakeOnFocus = (wrapper) => {
    const wake = async () => {
      wrapper.removeEventListener("focusin", wake);
      wrapper.removeEventListener("pointerdown", wake);
      await hydrate([...wrapper.querySelectorAll("leptos-island")]);
      const field = document.activeElement;
      if (wrapper.contains(field) && field.value) {
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    };
    wrapper.addEventListener("focusin", wake);
    wrapper.addEventListener("pointerdown", wake);
    if (wrapper.contains(document.activeElement)) wake();
  };

  // The page's islands; those that wait for focus are left asleep. An island inside another
  // (the grid's keyboard inside the editors' grid tools) hydrates on its own and must take
  // no context from the outer one: the loader does not run Leptos's hooks for children.
  const hydratePage = async () => {
    document.querySelectorAll("[data-hydrate=focus]").forEach(wakeOnFocus);
    const islands = [...document.querySelectorAll("leptos-island")].filter(
      (island) => !island.closest("[data-hydrate=focus]"),
    );
    try {
      await hydrate(islands);
    } catch (error) {
      console.error("The page's WebAssembly could not load", error);
    }
  };

  // Links and forms to pages of this site; files (feeds, calendars, media) load as usual.
  const isPage = (url) =>
    url.origin === location.origin &&
    !url.pathname.startsWith("/api/") &&
    !url.pathname.startsWith("/pkg/") &&
    !/\.[a-z0-9]+$/i.test(url.pathname);

  // An open editor guards its unsaved text on unload and cannot be torn down in place:
  // while one is open (`data-editing`, set by `EditInPlace`), pages load the usual way.
  const swapping = () => !root.hasAttribute("data-editing");

  // The page shown, so that a jump to an anchor on it (the skip link) is no new page.
  let shown = location.pathname + location.search;
  // And where its entry stands in the tab's history (the Navigation API, where there is
  // one), so that staying in an editor goes back to exactly that entry.
  const entryIndex = () => window.navigation?.currentEntry?.index;
  let shownEntry = entryIndex();
  // (Entries that differ by a fragment only show the same page.)
  const showingCurrentEntry = () => location.pathname + location.search === shown;

  // Going back to a swapped page restores where the reader had scrolled. Each entry keeps
  // its own page's position: after Back or Forward, until the page gone to arrives, the
  // scrolling (the browser restoring the entry's position on the page still shown, clamped
  // to its length) belongs to neither.
  let rememberTimer;
  const rememberScroll = () => {
    clearTimeout(rememberTimer);
    if (!showingCurrentEntry()) return;
    history.replaceState({ ...history.state, scrollY: window.scrollY }, "");
  };
  window.addEventListener("scroll", () => {
    clearTimeout(rememberTimer);
    rememberTimer = setTimeout(rememberScroll, 200);
  });
  window.addEventListener("pagehide", rememberScroll);

  let latest = 0;

  const go = async (url, how) => {
    const asked = ++latest;
    const current = () => asked === latest;
    // Leaving by Back or Forward, or showing this page again, adds no entry; a link does.
    const fallBack = () => {
      if (!current()) return;
      if (how === "again") {
        // Only the fragment may differ: replacing the address would just jump to it.
        history.replaceState(history.state, "", url);
        location.reload();
      } else if (how !== "push") location.replace(url);
      else location.assign(url);
    };
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "text/html" } });
    } catch {
      fallBack();
      return;
    }
    const type = response.headers.get("content-type") || "";
    // A proxy's error page, or a file: the browser shows it the usual way.
    if (response.status >= 500 || !type.startsWith("text/html")) {
      fallBack();
      return;
    }
    const html = await response.text();
    // A later click won: its page is the one to show.
    if (!current()) return;
    const next = new DOMParser().parseFromString(html, "text/html");
    // Signed in or out in another tab: the next page needs the other build.
    if (buildFor(next)[0] !== script) {
      fallBack();
      return;
    }
    const address = new URL(response.url);
    address.hash = new URL(url).hash;
    if (how === "push") {
      rememberScroll();
      const same = address.href === location.href;
      history[same ? "replaceState" : "pushState"](null, "", address);
    } else if (how === "again" || response.redirected) {
      history.replaceState(history.state, "", address);
    }
    // Shown again (after an editor's change), the page stays where it was scrolled.
    const scrollY = how === "back" ? (history.state?.scrollY ?? 0) : how === "again" ? window.scrollY : 0;
    shown = address.pathname + address.search;
    shownEntry = entryIndex();
    swapPage(next);
    root.removeAttribute("data-hydrated");
    window.scrollTo(0, scrollY);
    // Screen readers and keyboards continue from the new page's content; an island may
    // then move focus on (the grid to the day named in the address).
    document.getElementById("saturs")?.focus({ preventScroll: true });
    await hydratePage();
    if (current()) root.setAttribute("data-hydrated", "true");
  };

  // The page's own head entries (title, description, canonical and language links,
  // structured data) follow the page; scripts and styles stay.
  const ownHeadEntry = (element) =>
    element.matches(
      "title, meta[name], meta[property], link[rel=canonical], link[rel=alternate], script[type='application/ld+json']",
    );

  const swapPage = (next) => {
    for (const element of [...document.head.children]) {
      if (ownHeadEntry(element)) element.remove();
    }
    for (const element of [...next.head.children]) {
      if (ownHeadEntry(element)) document.head.append(document.adoptNode(element));
    }
    root.lang = next.documentElement.lang;
    document.body.replaceWith(document.adoptNode(next.body));
  };

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || !swapping()) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest?.("a[href]");
    // Links in text being edited are not followed at all.
    if (!link || link.target || link.hasAttribute("download") || link.isContentEditable) return;
    const url = new URL(link.href);
    if (!isPage(url)) return;
    // A link within this page (the skip link) is the browser's.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    go(url.href, "push");
  }

  function onSubmit(event) {
    const form = event.target;
    // Only the site's GET forms (search, month, filters); editors' forms are the islands'.
    if (event.defaultPrevented || !swapping() || form.target) return;
    if (form.getAttribute("method")?.toLowerCase() !== "get") return;
    const url = new URL(form.action);
    if (!isPage(url)) return;
    url.search = new URLSearchParams(new FormData(form, event.submitter)).toString();
    event.preventDefault();
    go(url.href, "push");
  }

  const listen = () => {
    for (const [type, listener] of [["click", onClick], ["submit", onSubmit]]) {
      window.removeEventListener(type, listener);
      window.addEventListener(type, listener);
    }
  };

  // Escape closes an open fold (the phone's menu, the calendar's options) and gives focus
  // back to its button.
  window.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.key !== "Escape") return;
    const fold = event.target.closest?.("details.phone-fold[open]");
    if (fold) {
      fold.open = false;
      fold.querySelector("summary")?.focus();
    }
  });

  window.addEventListener("popstate", () => {
    // A jump to an anchor and back again stays on this page; so does coming back to it
    // before the page gone to arrived, which is then not shown.
    if (location.pathname + location.search === shown) {
      latest++;
      return;
    }
    if (swapping()) go(location.href, "back");
    // An editor is open. Its own question about unsaved text comes first (the browser's
    // on unloading, answered "stay", would leave this address in the address bar): leaving,
    // the page the browser went to loads the usual way; staying, the browser goes back to
    // the editor's own entry, every entry and the scroll position as they were. Without the
    // Navigation API the editor's address comes back as a new entry after the one gone to,
    // which after Back takes the editor's own entry's place, and after Forward, or a jump
    // of several entries, loses the entries after the one gone to.
    else if (window.notikumiMayLeave?.() ?? true) location.reload();
    else {
      const here = entryIndex();
      if (here !== undefined && shownEntry !== undefined) history.go(shownEntry - here);
      else history.pushState(null, "", shown);
    }
  });

  // For islands that show this page under another address (`components::replace_address`:
  // an edited article's new slug).
  window.notikumiReplace = (href) => {
    const before = withoutLanguage(location.pathname);
    history.replaceState(history.state, "", href);
    shown = location.pathname + location.search;
    shownEntry = entryIndex();
    // The language links name this page, now under its new address (`Lang::href`).
    const path = withoutLanguage(location.pathname);
    for (const link of document.querySelectorAll(".language-switcher a[hreflang]")) {
      const prefix = link.hreflang === "lv" ? "" : `/${link.hreflang}`;
      const other = prefix && path === "/" ? prefix : prefix + path;
      link.setAttribute("href", other + location.search);
    }
    if (before !== path) renameAddresses(before, path);
  };

  // A path without its language prefix (`/en/news/x` is `/news/x`).
  const withoutLanguage = (pathname) => pathname.replace(/^\/(en|ru)(?=\/|$)/, "") || "/";

  // `address` (absolute, at the site's public address) moved from path `from` to `to` in its
  // own language, or null when it names another page (or another site).
  const movedAddress = (address, from, to, site) => {
    let url;
    try {
      url = new URL(address, location.href);
    } catch {
      return null;
    }
    if (url.origin !== site || withoutLanguage(url.pathname) !== from) return null;
    const prefix = url.pathname.match(/^\/(en|ru)(?=\/|$)/)?.[0] ?? "";
    url.pathname = prefix + to;
    return url.href;
  };

  // The page names itself by its address too: the head's canonical address, language
  // alternates and og:url, and its JSON-LD. Moved with it, so a bookmark, a share or a save of
  // the page from here names the address it now has.
  const renameAddresses = (from, to) => {
    // The site's public address, as the canonical link names it (none on a draft's page).
    const canonical = document.head.querySelector("link[rel=canonical]");
    if (!canonical) return;
    const site = new URL(canonical.href).origin;
    const named = "link[rel=canonical], link[rel=alternate][hreflang], meta[property='og:url']";
    for (const element of document.head.querySelectorAll(named)) {
      const attribute = element.localName === "meta" ? "content" : "href";
      const moved = movedAddress(element.getAttribute(attribute), from, to, site);
      if (moved) element.setAttribute(attribute, moved);
    }
    for (const script of document.querySelectorAll("script[type='application/ld+json']")) {
      let data;
      try {
        data = JSON.parse(script.textContent);
      } catch {
        continue;
      }
      let changed = false;
      for (const key of ["url", "mainEntityOfPage", "@id"]) {
        const moved = typeof data[key] === "string" && movedAddress(data[key], from, to, site);
        if (moved) {
          data[key] = moved;
          changed = true;
        }
      }
      // Escaped as the server writes it, so a title's "</script>" stays inside the block in
      // a copy of the page saved from here.
      if (changed) script.textContent = JSON.stringify(data).replace(/</g, "\\u003c");
    }
  };

  // For islands that move to another page (`components::go_to`).
  window.notikumiGo = (href, inPlace) => {
    const url = new URL(href, location.href).href;
    if (swapping()) go(url, inPlace ? "again" : "push");
    else if (inPlace) {
      history.replaceState(history.state, "", url);
      location.reload();
    }
    else location.assign(url);
  };

  listen();
  hydratePage().then(() => root.setAttribute("data-hydrated", "true"));
})
