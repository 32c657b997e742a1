// Reports what the extension published on this page to the test server, for browsers the tests
// cannot drive (Firefox): the status attributes and the text of the highlighted ranges.
(function poll(n) {
  const root = document.documentElement;
  const status = root.getAttribute('data-quotelight-status');
  if (status === 'done' || status === 'error' || status === 'too-large' || n > 300) {
    const registry = typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : null;
    const ranges = registry ? [...registry].map(([name, h]) => [name, [...h].map((r) => r.toString())]) : [];
    fetch('/report', {
      method: 'POST',
      body: JSON.stringify({
        page: location.pathname + location.search,
        status,
        quotes: root.getAttribute('data-quotelight-quotes'),
        ranges,
        marks: document.querySelectorAll('quotelight-mark').length,
        overlay: Boolean(document.querySelector('quotelight-ui')),
        userAgent: navigator.userAgent,
      }),
    });
    return;
  }
  setTimeout(() => poll(n + 1), 100);
})(0);
