// 100,000 text nodes: 2,000 paragraphs of 50 text nodes each (words split across <span>s),
// with a quotation every tenth paragraph.
document.addEventListener('DOMContentLoaded', () => {
  const body = document.getElementById('body');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < 2000; i++) {
    const p = document.createElement('p');
    const words = i % 10 === 0
      ? `“Ward ${i} has spoken and we accept it,” said candidate Rowan Pike of ward ${i}.`.split(' ')
      : `Ward ${i} declared at ${i % 24}:00 with a turnout of ${40 + (i % 30)} percent and a narrow majority.`.split(' ');
    for (let w = 0; w < 25; w++) {
      const span = document.createElement('span');
      span.textContent = `${words[w % words.length]} `;
      p.appendChild(span);
      p.appendChild(document.createTextNode(w % 2 ? '' : ''));
    }
    frag.appendChild(p);
  }
  body.appendChild(frag);
});
