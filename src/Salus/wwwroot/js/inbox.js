// Inbox live updates (Server-Sent Events) and SLA countdowns. Progressive enhancement: the pages work without it.
(function () {
  'use strict';
  function formatRemaining(ms) {
    var sign = ms < 0 ? '-' : '';
    var total = Math.abs(Math.round(ms / 60000));
    var h = Math.floor(total / 60), m = total % 60;
    return sign + (h > 0 ? h + 'h ' : '') + m + 'm';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('time[data-due]').forEach(function (el) {
      var remaining = Date.parse(el.getAttribute('data-due')) - now;
      el.textContent = formatRemaining(remaining);
      el.classList.toggle('overdue', remaining < 0);
      el.classList.toggle('soon', remaining >= 0 && remaining < 15 * 60000);
    });
  }
  tick();
  setInterval(tick, 30000);

  var status = document.getElementById('inbox-live');
  if (!status || !window.EventSource) { return; }
  var conversation = status.getAttribute('data-conversation');
  var source = new EventSource(status.getAttribute('data-stream'));
  var refreshing = false;
  function refresh(target) {
    if (refreshing) { return; }
    refreshing = true;
    fetch(window.location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.getElementById(target), current = document.getElementById(target);
      if (fresh && current) { current.replaceWith(fresh); tick(); }
    }).finally(function () { refreshing = false; });
  }
  source.addEventListener('hello', function () { status.setAttribute('data-connected', 'true'); });
  ['item', 'item-changed', 'assigned', 'replied', 'routed', 'bulk', 'hidden', 'deleted', 'status', 'sla-warning', 'sla-breach', 'crisis-page', 'escalation', 'note', 'private', 'reply-review'].forEach(function (kind) {
    source.addEventListener(kind, function (e) {
      var update = JSON.parse(e.data);
      if (conversation) {
        if (update.conversationId === conversation) { status.textContent = update.summary; }
        return;
      }
      status.textContent = update.summary;
      if (kind === 'crisis-page') { status.classList.add('alarm'); }
      refresh('inbox-list');
    });
  });
})();
