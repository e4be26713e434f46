// The outbox: reports and actions wait in IndexedDB until the network is back, each with the idempotency key it
// was born with, so a retry after a lost answer never makes a second case.
window.Outbox = (function () {
  const DB = "gridgov-field", STORE = "outbox";
  const open = () => new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "key" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = async (mode, fn) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const result = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      t.onerror = () => reject(t.error);
    });
  };
  return {
    add: item => tx("readwrite", s => s.put(item)),
    all: () => tx("readonly", s => s.getAll()),
    remove: key => tx("readwrite", s => s.delete(key)),
  };
})();
