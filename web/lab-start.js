// Starts the lab's Web Worker while the page's wasm is still downloading,
// so the worker fetches wasm-bindgen's glue in the meantime; the page then
// hands it the compiled module (web/src/client.rs). The worker's script is
// defined here only: client.rs starts later workers (after Ctrl-C) from
// window.nslabLab.boot with the glue's address as the worker's name.
(function () {
  var glue = document.querySelector('link[rel="modulepreload"][href*="web-"]');
  // The first message carries the compiled module (the page's own: the
  // basic lab), or the address of one to fetch (the complete lab); requests
  // that come before the lab has started are held and handed to it once
  // it has. A failure is reported as a plain string (the lab's own
  // messages are bytes: web/src/wire.rs).
  var boot = 'const glue=import(self.name),held=[];onmessage=async e=>{const w=e.data.module;if(!w){held.push(e);return}' +
    'try{const m=await glue;typeof w=="string"?await m.default({module_or_path:w}):m.initSync({module:w});' +
    'm.lab_worker_start();held.forEach(h=>onmessage(h))}' +
    'catch(err){postMessage("the lab could not start: "+err)}}';
  try {
    var url = URL.createObjectURL(new Blob([boot], { type: 'text/javascript' }));
    window.nslabLab = { boot: url };
    if (glue) window.nslabLab.worker = new Worker(url, { type: 'module', name: glue.href });
  } catch (e) { /* no workers: client.rs reports that the lab could not start */ }
})();
