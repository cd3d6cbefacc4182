// The service worker: after the first visit every file of the built folder comes from this
// browser's cache, so the game starts offline. A new build (a new VERSION) replaces the old cache.
const VERSION = "{{VERSION}}";
const CACHE = "neighbour-" + VERSION;
const FILES = {{FILES}};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith("neighbour-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(req, {ignoreSearch: true}).then((hit) => hit || fetch(req))));
});
