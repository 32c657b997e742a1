// A single-page site: "Next story" swaps the article in place and changes the URL, as news
// sites built on client-side routing do.
document.getElementById('next').addEventListener('click', (event) => {
  event.preventDefault();
  const story = document.getElementById('story');
  const h1 = document.createElement('h1');
  h1.textContent = 'Stadium roof to be replaced before the season';
  const body = document.createElement('div');
  body.className = 'story-body';
  for (const text of [
    'The city stadium will get a new roof before the football season starts in August, the club confirmed on Tuesday.',
    '“The old roof has served us for forty years, and it has earned its rest,” said Pavel Novak, the club’s chairman.',
  ]) {
    const p = document.createElement('p');
    p.textContent = text;
    body.appendChild(p);
  }
  story.replaceChildren(h1, body);
  history.pushState({}, '', '#stadium');
});
