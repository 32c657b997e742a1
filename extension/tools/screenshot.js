// Regenerates extension/screenshot.png (the README's picture): the fixture news page with the
// extension's highlights, a hover card and the "Who is quoted" panel.
// Usage (after scripts/build.sh): node extension/tools/screenshot.js
import { join } from 'node:path';
import { ROOT, launch, startServer, waitForStatus } from '../../tests/e2e/helpers.js';

const server = await startServer();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 640 });
  await page.goto(`${server.origin}/pages/news-article.html`);
  await waitForStatus(page, ['done']);
  await page.waitForSelector('quotelight-ui', { state: 'attached' });
  await page.evaluate(() => document.querySelector('figure')?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, 220));
  await page.locator('quotelight-ui .pill').click();
  const box = await page.evaluate(() => {
    const ranges = [...CSS.highlights.values()].flatMap((h) => [...h]);
    const r = ranges.find((range) => range.toString().includes('overdue'))?.getClientRects()[0];
    return r ? { x: r.left + 60, y: r.top + r.height / 2 } : null;
  });
  if (box) await page.mouse.move(box.x, box.y);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ROOT, 'extension/screenshot.png') });
} finally {
  await browser.close();
  await server.close();
}
