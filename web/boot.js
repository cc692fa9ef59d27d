// Something to read at once: draws the lesson of the address into the boot
// frame (#boot, written by lesson-format's prerender and inlined by Trunk)
// while the wasm loads. Runs before the app, as the document is parsed.
// The app removes #boot when it mounts (web/src/boot.rs), and reads this
// script's fetch from window.nslabBoot instead of fetching the lesson again.
(function () {
  // A pairing link (lab-agent serve prints one) is for the paired page,
  // pair.html, which only a learner who pairs loads (scripts/build-page pair).
  if (/^#\/pair\?/.test(location.hash) && !/pair\.html$/.test(location.pathname)) {
    location.replace('pair.html' + location.hash);
    return;
  }
  // A lesson from a URL or a file, and the lesson builder, are the studio
  // page's (studio.html reads Markdown; scripts/build-page studio).
  if (/^#(\/embed)?\/lesson\?|^#\/build\/?$/.test(location.hash) && !/studio\.html$/.test(location.pathname)) {
    location.replace('studio.html' + location.hash);
    return;
  }
  // Inside another page's iframe (#/embed/…): no site navigation (the app
  // draws a link to the full site instead).
  var embed = /^#\/embed\//.test(location.hash);
  if (embed) document.documentElement.classList.add('embed');
  var boot = document.getElementById('boot');
  if (!boot) return;
  var panel = boot.querySelector('.lesson');
  var links = boot.querySelectorAll('.top nav a');
  // Routes as web/src/app.rs reads them: #/lesson/SLUG, #/sandbox, else the first lesson.
  var path = location.hash.slice(1).split('/s=')[0].replace(/\/$/, '').replace(/^\/embed\//, '/');
  var m = /^\/lesson\/(.+)$/.exec(path);
  // A pairing link opens the sandbox (web/src/app.rs), as does the builder
  // and a lesson from elsewhere until the studio page's app draws them.
  var sandbox = /^\/(sandbox|pair|build|lesson\?)/.test(path);
  var slug = m ? m[1] : sandbox ? '' : links[0].getAttribute('href').slice(9);
  var here = slug ? '#/lesson/' + slug : '#/sandbox';
  var link = null;
  for (var i = 0; i < links.length; i++) if (links[i].getAttribute('href') === here) link = links[i];
  if (!link) { slug = ''; link = links[links.length - 1]; }
  link.setAttribute('aria-current', 'page');
  if (!slug) {
    panel.innerHTML = document.getElementById('boot-sandbox').innerHTML;
    panel.removeAttribute('aria-busy');
    return;
  }

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function head(title, summary) {
    return '<header class="lesson-head"><h2>' + esc(title) + '</h2>' +
      (summary ? '<p class="summary">' + esc(summary) + '</p>' : '') + '</header>';
  }
  var ticked = 0;
  try { ticked = parseInt(localStorage.getItem('nslab.progress.' + slug), 10) || 0; } catch (e) { /* no storage */ }
  panel.innerHTML = head(link.title, '');

  // The lesson's file (lesson-format's LessonDoc): prose is build-time HTML
  // with raw HTML escaped; titles and commands are text.
  function draw(d) {
    var out = head(d.title, d.summary), n = 0;
    d.sections.forEach(function (s) {
      var cls = 'prose-section', badge = '';
      if (s.step) {
        cls = ticked > n ? 'step done' : ticked === n ? 'step current' : 'step';
        badge = '<span class="badge" aria-hidden="true">' + (ticked > n ? '✓' : n + 1) + '</span>';
        n++;
      }
      out += '<section class="' + cls + '">' + (s.title ? '<h3>' + badge + esc(s.title) + '</h3>' : '');
      s.blocks.forEach(function (b) {
        if (b.html !== undefined) out += '<div class="prose">' + b.html + '</div>';
        else if (b.quiz) out += '<fieldset class="quiz"><legend>' + esc(b.quiz.question) + '</legend>' +
          b.quiz.choices.map(function (c) { return '<label class="choice"><input type="radio" disabled>' + esc(c) + '</label>'; }).join('') + '</fieldset>';
        else out += '<div class="cmds">' + b.run.map(function (l) {
          return '<div class="cmd"><span class="cmd-run" aria-hidden="true">▶</span><code>' + esc(l) + '</code></div>';
        }).join('') + '</div>';
      });
      out += '</section>';
    });
    panel.innerHTML = out;
    panel.removeAttribute('aria-busy');
  }

  var text = fetch('lessons/' + slug + '.json').then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.text();
  });
  window.nslabBoot = { slug: slug, text: text };
  text.then(function (t) { if (boot.isConnected) draw(JSON.parse(t)); }, function () { /* the app reports it */ });
})();
