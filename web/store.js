// Catalogs saved in this browser, in IndexedDB (localStorage holds only small settings): a summary per catalog for
// the home list, the catalog's JSON, and a history of earlier saves to restore from. Every failed write rejects
// with the browser's error name (QuotaExceededError …) so the app can warn and offer a backup: nothing is dropped.
const DB = "zwgk";
const VERSION = 1;
// At most one history version per catalog in this many milliseconds, unless the app asks for one.
const HISTORY_SPACING = 10 * 60 * 1000;
const HISTORY_KEEP = 30;

let opened;
function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const d = req.result;
        d.createObjectStore("summaries", { keyPath: "id" });
        d.createObjectStore("docs", { keyPath: "id" });
        d.createObjectStore("history", { autoIncrement: true }).createIndex("catalog", "catalog");
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new DOMException("blocked", "InvalidStateError"));
    });
    opened.catch(() => { opened = undefined; });
  }
  return opened;
}

const done = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error ?? new DOMException("aborted", "AbortError"));
});
const result = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
// A rejected promise carries the DOMException's name for the app.
const named = (e) => { throw (e && e.name) ? e.name : String(e); };

async function historyOf(store, id) {
  const keys = await result(store.index("catalog").getAllKeys(IDBKeyRange.only(id)));
  const values = await result(store.index("catalog").getAll(IDBKeyRange.only(id)));
  return keys.map((key, i) => ({ key, ...values[i] }));
}

window.zwgkStore = {
  /** Summaries of every saved catalog. */
  async list() {
    try {
      const tx = (await db()).transaction("summaries");
      return await result(tx.objectStore("summaries").getAll());
    } catch (e) { named(e); }
  },
  /** The catalog's JSON text, or null. */
  async load(id) {
    try {
      const doc = await result((await db()).transaction("docs").objectStore("docs").get(id));
      return doc ? doc.text : null;
    } catch (e) { named(e); }
  },
  /** Save the catalog's JSON and summary in one transaction; keep a history version when the last one is old. */
  async save(id, text, summary, version) {
    try {
      const tx = (await db()).transaction(["summaries", "docs", "history"], "readwrite");
      const history = tx.objectStore("history");
      tx.objectStore("docs").put({ id, text });
      tx.objectStore("summaries").put(summary);
      const past = await historyOf(history, id);
      const last = past.reduce((m, h) => Math.max(m, h.saved), 0);
      if (version || summary.updated - last >= HISTORY_SPACING) {
        history.add({ catalog: id, saved: summary.updated, entries: summary.entries, errors: summary.errors, text });
        past.sort((a, b) => a.saved - b.saved).slice(0, Math.max(0, past.length + 1 - HISTORY_KEEP))
          .forEach((h) => history.delete(h.key));
      }
      await done(tx);
    } catch (e) { named(e); }
  },
  async remove(id) {
    try {
      const tx = (await db()).transaction(["summaries", "docs", "history"], "readwrite");
      tx.objectStore("summaries").delete(id);
      tx.objectStore("docs").delete(id);
      (await historyOf(tx.objectStore("history"), id)).forEach((h) => tx.objectStore("history").delete(h.key));
      await done(tx);
    } catch (e) { named(e); }
  },
  /** The catalog's history, newest first, without the texts. */
  async history(id) {
    try {
      const list = await historyOf((await db()).transaction("history").objectStore("history"), id);
      return list.map(({ key, saved, entries, errors }) => ({ key, saved, entries, errors })).sort((a, b) => b.saved - a.saved);
    } catch (e) { named(e); }
  },
  /** One history version's JSON text, or null. */
  async version(key) {
    try {
      const v = await result((await db()).transaction("history").objectStore("history").get(key));
      return v ? v.text : null;
    } catch (e) { named(e); }
  },
};
