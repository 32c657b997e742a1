// About 2.2 million characters of article text: above the extension's limit.
document.addEventListener('DOMContentLoaded', () => {
  const body = document.getElementById('body');
  const line = '“The archive is open,” said the librarian, and the readers came back every day of the week. ';
  const frag = document.createDocumentFragment();
  for (let i = 0; i < 2400; i++) {
    const p = document.createElement('p');
    p.textContent = line.repeat(10);
    frag.appendChild(p);
  }
  body.appendChild(frag);
});
