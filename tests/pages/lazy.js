// Loads the rest of the story later, as news sites do on scroll.
window.addEventListener('load', () => {
  setTimeout(() => {
    const body = document.getElementById('body');
    body.querySelector('.loading').remove();
    const paragraphs = [
      '“We listened, and we moved further than we wanted to,” said Ingrid Solheim, the operator’s chief executive.',
      'Commuters who had waited in the rain for replacement buses were relieved. “Three weeks of this was enough,” said Leo Marsh, a nurse who crosses twice a day.',
    ];
    for (const text of paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      body.appendChild(p);
    }
  }, 1500);
});
