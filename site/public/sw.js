// Berth's service worker: once a page has loaded, it works offline. Hashed assets
// (/_astro/…) never change and are served from the cache first; pages and the hub
// seed come from the network when there is one (a new version of the site wins)
// and from the cache when there is not. After a page has loaded it sends what it
// loaded (and the engine's worker what it loaded), then the rest of the site is
// fetched in the background from offline.json, so that other pages and programs not
// used yet work offline too (about 1 MB compressed, once).
const CACHE = 'berth-v1';
const scope = new URL(self.registration.scope);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('berth-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const ours = (url) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
const immutable = (url) => url.pathname.startsWith(`${scope.pathname}_astro/`);

/** Everything the site is made of (offline.json, written after the build), so that pages and programs not yet used work offline too. */
async function everything() {
  try {
    const res = await fetch(new URL('offline.json', scope), { cache: 'no-cache' });
    return res.ok ? (await res.json()).map((p) => new URL(p, scope).href) : [];
  } catch {
    return [];
  }
}

self.addEventListener('message', (event) => {
  event.waitUntil(keep([...(event.data?.cache ?? [])]).then(() => (event.data?.everything ? everything().then(keep) : undefined)));
});

function keep(list) {
  const urls = list.map((u) => new URL(u, scope)).filter(ours);
  return caches.open(CACHE).then(async (cache) => {
    // A few at a time: this runs beside a page that is being used.
    for (let i = 0; i < urls.length; i += 6) {
      await Promise.all(
        urls.slice(i, i + 6).map(async (url) => {
          if (immutable(url) && (await cache.match(url))) return;
          try {
            const res = await fetch(url, { cache: immutable(url) ? 'default' : 'no-cache' });
            if (res.ok) await cache.put(url, res);
          } catch {
            // offline already: what is cached stays
          }
        }),
      );
    }
  });
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || !ours(url)) return;
  if (immutable(url)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) await cache.put(req, res.clone());
        return res;
      }),
    );
    return;
  }
  event.respondWith(
    fetch(req)
      .then(async (res) => {
        if (res.ok) await (await caches.open(CACHE)).put(req, res.clone());
        return res;
      })
      .catch(async () => (await caches.match(req, { ignoreSearch: true })) ?? Response.error()),
  );
});
