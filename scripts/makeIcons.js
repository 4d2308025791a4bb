/* global require, __dirname, Buffer, console, process */
/**
 * Writes the add-in icons (assets/icon-<size>.png): a ledger page on a deep blue square, drawn
 * pixel by pixel and encoded as PNG with zlib, so the icons need no image tool. Run it again after
 * changing the drawing: `node scripts/makeIcons.js`.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x4e, 0x79, 0xff];
const PAGE = [0xff, 0xff, 0xff, 0xff];
const LINE = [0x2e, 0x75, 0xb6, 0xff];
const CLEAR = [0, 0, 0, 0];

/** The colour of pixel (x, y) of a size-by-size icon, from proportions so every size looks alike. */
function colourAt(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.14; // corner radius of the blue square
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  const onPage = u > 0.24 && u < 0.76 && v > 0.16 && v < 0.84;
  if (!onPage) return BLUE;
  // Four ruled lines, the last one short: a ledger.
  const lines = [0.32, 0.45, 0.58, 0.71];
  const thickness = Math.max(0.06, 1 / size);
  for (const [i, top] of lines.entries()) {
    const right = i === lines.length - 1 ? 0.55 : 0.68;
    if (v >= top && v < top + thickness && u > 0.32 && u < right) return LINE;
  }
  return PAGE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A size-by-size RGBA PNG of the icon. */
function encodeIcon(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) Buffer.from(colourAt(x, y, size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  const file = path.join(out, `icon-${size}.png`);
  fs.writeFileSync(file, encodeIcon(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
