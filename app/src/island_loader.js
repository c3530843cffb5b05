// Notikumi in the browser (docs/islands.md). Pages are server HTML; only their
// <leptos-island> elements need the WebAssembly, and a page without one loads none.
// Following a link or sending a GET form fetches the next page's HTML and swaps it in
// instead of loading the page anew: nothing flashes, and the WebAssembly already loaded
// stays. <html data-hydrated="true"> says that every island of the page is live (the
// browser tests wait for it).
((script, wasm) => {
  const root = document.documentElement;
  let app = null;

  const loadApp = async () => {
    if (!app) {
      app = import(script).then(async (module) => {
        await module.default({ module_or_path: wasm });
        module.hydrate();
        return module;
      });
    }
    return app;
  };

  const hydrate = async (islands) => {
    if (islands.length === 0) return;
    const module = await loadApp();
    for (const island of islands) {
      const live = module[island.dataset.component];
      if (live) {
        await live(island);
      } else {
        console.error(`No WebAssembly for the island ${island.dataset.component}`);
      }
    }
  };

  // An island inside `[data-hydrate=focus]` wakes when something in it is first focused or
  // touched; what was typed before it woke is announced to it again.
  const wakeOnFocus = (wrapper) => {
    const wake = async (event) => {
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
  };

  const hydrateIslands = async () => {
    // Islands inside another island come alive with it.
    const islands = [...document.querySelectorAll("leptos-island")].filter(
      (island) => !island.parentElement.closest("leptos-island, [data-hydrate=focus]"),
    );
    document.querySelectorAll("[data-hydrate=focus]").forEach(wakeOnFocus);
    await hydrate(islands);
    // The islands' own handlers (Leptos listens on window) must see clicks and submissions
    // first, so a handler that prevents the default is obeyed: listen after them.
    for (const [type, listener] of [["click", onClick], ["submit", onSubmit]]) {
      window.removeEventListener(type, listener);
      window.addEventListener(type, listener);
    }
    root.setAttribute("data-hydrated", "true");
  };

  // Links and forms to pages of this site; files (feeds, calendars, media) load as usual.
  const isPage = (url) =>
    url.origin === location.origin &&
    !url.pathname.startsWith("/api/") &&
    !url.pathname.startsWith("/pkg/") &&
    !/\.[a-z0-9]+$/i.test(url.pathname);

  // Pages are swapped in, so going back is too: each history entry keeps where the reader
  // had scrolled, and the swap restores it.
  history.scrollRestoration = "manual";
  const rememberScroll = () => history.replaceState({ scrollY: window.scrollY }, "");

  let latest = 0;
  const go = async (url, how) => {
    const asked = ++latest;
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "text/html" } });
    } catch {
      location.assign(url);
      return;
    }
    const type = response.headers.get("content-type") || "";
    if (!type.startsWith("text/html")) {
      location.assign(url);
      return;
    }
    const html = await response.text();
    // A later click won: its page is the one to show.
    if (asked !== latest) return;
    const next = new DOMParser().parseFromString(html, "text/html");
    const address = new URL(response.url);
    address.hash = new URL(url).hash;
    if (how === "push") {
      rememberScroll();
      history.pushState(null, "", address);
    }
    else if (how === "replace") history.replaceState(null, "", address);
    swapPage(next);
    if (address.hash) {
      document.getElementById(decodeURIComponent(address.hash.slice(1)))?.scrollIntoView();
    } else {
      window.scrollTo(0, how === "back" ? (history.state?.scrollY ?? 0) : 0);
    }
    root.removeAttribute("data-hydrated");
    await hydrateIslands();
    // Screen readers and keyboards continue from the new page's content, unless an island
    // (or the address) already chose where.
    if (!address.hash && (document.activeElement === document.body || !document.activeElement)) {
      document.getElementById("saturs")?.focus({ preventScroll: true });
    }
  };

  // The page's own head entries (title, description, canonical and language links,
  // structured data) follow the page; scripts and styles stay.
  const ownHeadEntry = (element) =>
    element.matches("title, meta[name], meta[property], link[rel=canonical], link[rel=alternate], script[type='application/ld+json']");

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
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest?.("a[href]");
    if (!link || link.target || link.hasAttribute("download")) return;
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
    if (event.defaultPrevented || form.getAttribute("method")?.toLowerCase() !== "get") return;
    const url = new URL(form.action);
    if (!isPage(url)) return;
    url.search = new URLSearchParams(new FormData(form, event.submitter)).toString();
    event.preventDefault();
    go(url.href, "push");
  }

  // Escape closes an open fold (the phone's menu, the calendar's options) and gives focus
  // back to its button.
  window.addEventListener("keydown", (event) => {
    const fold = event.key === "Escape" && event.target.closest?.("details.phone-fold[open]");
    if (fold) {
      fold.open = false;
      fold.querySelector("summary")?.focus();
    }
  });

  window.addEventListener("popstate", () => go(location.href, "back"));
  // For islands that move to another page (`components::go_to`).
  window.notikumiGo = (href) => go(new URL(href, location.href).href, "push");
  hydrateIslands();
})
