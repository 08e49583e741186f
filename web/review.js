// The review's queue: files validated by a few module workers (review-worker.js), each report handed back as it
// comes. `run(files, onReport)` returns {cancel}; onReport(index, reportJson | null, error | null).
window.zwgkReview = {
  run(files, onReport) {
    const count = Math.max(1, Math.min(files.length, navigator.hardwareConcurrency || 2, 4));
    const workers = new Set();
    let next = 0;
    let cancelled = false;
    const spawn = () => {
      const w = new Worker(new URL("./review-worker.js", import.meta.url), { type: "module" });
      workers.add(w);
      return w;
    };
    const feed = async (w) => {
      if (cancelled || next >= files.length) {
        w.terminate();
        workers.delete(w);
        return;
      }
      const i = next++;
      let bytes;
      try {
        bytes = await files[i].arrayBuffer();
      } catch (err) {
        onReport(i, null, String(err?.message ?? err));
        return feed(w);
      }
      w.onmessage = (e) => {
        if (cancelled) return;
        onReport(i, e.data.report ?? null, e.data.report ? null : `${e.data.error}${e.data.code ? `（${e.data.code}）` : ""}`);
        feed(w);
      };
      // A worker that dies (out of memory on a hostile file) loses only its file: a fresh one takes the rest.
      w.onerror = (e) => {
        e.preventDefault();
        w.terminate();
        workers.delete(w);
        if (cancelled) return;
        onReport(i, null, e.message || "worker error");
        feed(spawn());
      };
      w.postMessage({ name: files[i].name, bytes }, [bytes]);
    };
    for (let k = 0; k < count; k++) feed(spawn());
    return {
      cancel() {
        cancelled = true;
        for (const w of workers) w.terminate();
        workers.clear();
      },
    };
  },
};
