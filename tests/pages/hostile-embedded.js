// Text inside the page's own shadow tree: the extension must leave it alone.
const host = document.getElementById('shadow-host');
const root = host.attachShadow({ mode: 'open' });
const p = document.createElement('p');
p.textContent = '“Shadow words stay in the shadows,” said a widget.';
root.appendChild(p);
