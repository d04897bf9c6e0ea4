// fundsim's analysis worker: runs the decision figures and the Monte Carlo
// run of a scenario off the page's main thread. The build copies it beside
// the on-demand module (pkg/on-demand/); the page starts it with the URL of
// its loader (www/on-demand.js, as a wasm-bindgen snippet) in `loader`, whose
// run() does the work here, with the same module the page would use.
// The requests running (one per app on the page): a cancelled one stops at its next slice.
const live = new Set();
const ready = (async () => {
  const loader = new URL(self.location.href).searchParams.get('loader');
  // Only a loader of this worker's own origin is imported.
  if (!loader || new URL(loader, self.location.href).origin !== self.location.origin) throw new Error('loader');
  const l = await import(loader);
  return { l, m: await l.loadedModule() };
})();

self.onmessage = async (e) => {
  const request = e.data;
  if (request.cancel) {
    live.delete(request.id);
    return;
  }
  live.add(request.id);
  let both;
  try {
    both = await ready;
  } catch {
    self.postMessage({ kind: 'unusable' });
    return;
  }
  await both.l.run(both.m, request, (msg) => self.postMessage(msg), () => !live.has(request.id), 25);
  live.delete(request.id);
};
