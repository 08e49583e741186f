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
// A stored catalog: a Blob (saves since 2026-11), or the bytes themselves (older saves).
const bytesOf = async (stored) => (stored instanceof Blob ? new Uint8Array(await stored.arrayBuffer()) : stored);
// A rejected promise carries the DOMException's name for the app.
const named = (e) => { throw (e && e.name) ? e.name : String(e); };

// Keys of the catalog's history versions, oldest first (keys grow with time).
const historyKeys = (store, id) => result(store.index("catalog").getAllKeys(IDBKeyRange.only(id)));

window.zwgkStore = {
  /** Summaries of every saved catalog. */
  async list() {
    try {
      const tx = (await db()).transaction("summaries");
      return await result(tx.objectStore("summaries").getAll());
    } catch (e) { named(e); }
  },
  /** The catalog's UTF-8 JSON bytes, or null. */
  async load(id) {
    try {
      const doc = await result((await db()).transaction("docs").objectStore("docs").get(id));
      return doc ? await bytesOf(doc.bytes) : null;
    } catch (e) { named(e); }
  },
  /** How many times the catalog was saved (0: never): an editor remembers it when it opens the catalog. */
  async revision(id) {
    try {
      const s = await result((await db()).transaction("summaries").objectStore("summaries").get(id));
      return s?.rev ?? 0;
    } catch (e) { named(e); }
  },
  /** Save the catalog (a Blob of its UTF-8 JSON) and its summary in one transaction; keep a history version when
   *  the app asks or the last one is old. A Blob, not a string or an array: nothing to decode, and IndexedDB
   *  takes it without copying it again on the page's thread (a 5 MB array costs ~15 ms there per save).
   *  `writer` ({session, rev}: the editor's session and the revision it opened) refuses the save with a
   *  ConflictError when another tab saved the catalog since: nothing is overwritten silently. Resolves to the
   *  new revision. */
  async save(id, bytes, summary, version, writer) {
    try {
      const tx = (await db()).transaction(["summaries", "docs", "history"], "readwrite");
      const summaries = tx.objectStore("summaries");
      const history = tx.objectStore("history");
      const before = await result(summaries.get(id));
      if (writer && before && before.writer !== writer.session && (before.rev ?? 0) !== writer.rev) {
        tx.abort();
        throw new DOMException("another tab saved this catalog", "ConflictError");
      }
      const rev = (before?.rev ?? 0) + 1;
      const last = before?.versioned ?? 0;
      const keep = version || summary.updated - last >= HISTORY_SPACING;
      summaries.put({ ...summary, versioned: keep ? summary.updated : last, rev, writer: writer?.session ?? null });
      tx.objectStore("docs").put({ id, bytes });
      if (keep) {
        history.add({ catalog: id, saved: summary.updated, entries: summary.entries, errors: summary.errors, bytes });
        const keys = await historyKeys(history, id);
        keys.slice(0, Math.max(0, keys.length + 1 - HISTORY_KEEP)).forEach((k) => history.delete(k));
      }
      await done(tx);
      return rev;
    } catch (e) { named(e); }
  },
  /** Tell other tabs this one has catalog `id` open; `onOther()` runs when another tab has it open too (either
   *  opened first). Returns the function that stops listening. */
  watch(id, onOther) {
    if (typeof BroadcastChannel === "undefined") return () => {};
    const me = Math.random().toString(36).slice(2);
    const channel = new BroadcastChannel("zwgk-tabs");
    channel.onmessage = (e) => {
      const m = e.data;
      if (!m || m.id !== id || m.tab === me) return;
      if (m.type === "hello") channel.postMessage({ type: "here", id, tab: me });
      onOther();
    };
    channel.postMessage({ type: "hello", id, tab: me });
    return () => channel.close();
  },
  async remove(id) {
    try {
      const tx = (await db()).transaction(["summaries", "docs", "history"], "readwrite");
      tx.objectStore("summaries").delete(id);
      tx.objectStore("docs").delete(id);
      (await historyKeys(tx.objectStore("history"), id)).forEach((k) => tx.objectStore("history").delete(k));
      await done(tx);
    } catch (e) { named(e); }
  },
  /** The catalog's history, newest first, without the catalogs themselves. */
  async history(id) {
    try {
      const list = [];
      const index = (await db()).transaction("history").objectStore("history").index("catalog");
      await new Promise((resolve, reject) => {
        const req = index.openCursor(IDBKeyRange.only(id));
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) return resolve();
          const { saved, entries, errors } = cursor.value;
          list.push({ key: cursor.primaryKey, saved, entries, errors });
          cursor.continue();
        };
        req.onerror = () => reject(req.error);
      });
      return list.sort((a, b) => b.saved - a.saved);
    } catch (e) { named(e); }
  },
  /** One history version's UTF-8 JSON bytes, or null. */
  async version(key) {
    try {
      const v = await result((await db()).transaction("history").objectStore("history").get(key));
      return v ? await bytesOf(v.bytes) : null;
    } catch (e) { named(e); }
  },
};
