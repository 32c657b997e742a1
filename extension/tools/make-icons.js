// Draws the toolbar icons (a light quotation mark on a blue rounded square) as PNG files, so the
// package needs no binary assets in the repository. Usage: node extension/tools/make-icons.js DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * Returns the CRC-32 of a buffer (PNG chunk checksum).
 * @param {Buffer} buf
 * @returns {number}
 */
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Encodes one PNG chunk.
 * @param {string} type
 * @param {Buffer} data
 * @returns {Buffer}
 */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * Coverage (0…1) of the icon's shapes at a point of the unit square, for one colour layer.
 * @param {number} x
 * @param {number} y
 * @returns {{bg: number, fg: number}}
 */
function shapes(x, y) {
  // Rounded square background.
  const r = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  const bg = Math.hypot(dx, dy) <= r ? 1 : 0;
  // Two quotation marks: a dot with a tail each.
  let fg = 0;
  for (const cx of [0.35, 0.65]) {
    const dot = Math.hypot(x - cx, y - 0.5) <= 0.12;
    const tail = y > 0.3 && y < 0.5 && Math.abs(x - (cx + 0.05 + (0.5 - y) * 0.5)) < 0.06 + (y - 0.3) * 0.2;
    if (dot || tail) fg = 1;
  }
  return { bg, fg };
}

/**
 * Renders the icon at a size, with 4×4 supersampling for smooth edges.
 * @param {number} size
 * @returns {Buffer} PNG file
 */
function render(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const BG = [11, 83, 148];
  const FG = [255, 214, 102];
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const s = shapes((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size);
          bg += s.bg;
          fg += s.fg * s.bg;
        }
      }
      bg /= 16;
      fg /= 16;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const t = bg > 0 ? fg / bg : 0;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BG[c] * (1 - t) + FG[c] * t);
      raw[o + 3] = Math.round(bg * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: make-icons.js DIR');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, `icon-${size}.png`), render(size));
