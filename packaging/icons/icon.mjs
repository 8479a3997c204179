// The tactful icon as a PNG of any size, drawn at build time (no binary files in the tree): a
// blue disc with a white speech bubble and a check mark. Used by the browser extension and the
// Zendesk app builds. Usage: import { iconPng } from ".../icon.mjs"; writeFileSync(f, iconPng(128)).
import { deflateSync } from "node:zlib";

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

// Coverage of the shape at (x, y) in a unit square: 0 transparent, 1 disc, 2 bubble/check.
function shape(x, y) {
  const dx = x - 0.5, dy = y - 0.5;
  if (dx * dx + dy * dy > 0.25) return 0;
  const inBubble = x > 0.22 && x < 0.78 && y > 0.26 && y < 0.64;
  const inTail = y >= 0.64 && y < 0.76 && x > 0.3 && x < 0.44 && (x - 0.3) < (0.76 - y) * 1.2;
  if (!inBubble && !inTail) return 1;
  // The check mark, cut out of the bubble in the disc's colour.
  const d1 = Math.abs((y - 0.47) - (x - 0.36)) / Math.SQRT2;  // down stroke
  const d2 = Math.abs((y - 0.53) + (x - 0.42) * 0.9) / 1.35;  // up stroke
  const onCheck = (d1 < 0.035 && x > 0.33 && x < 0.44) || (d2 < 0.035 && x > 0.41 && x < 0.66);
  return onCheck ? 1 : 2;
}

export function iconPng(size) {
  const disc = [29, 111, 216], white = [255, 255, 255];
  const S = 4;  // supersampling per axis
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;  // filter: none
    for (let px = 0; px < size; px++) {
      let a = 0, r = 0, g = 0, b = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const v = shape((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!v) continue;
          const c = v === 2 ? white : disc;
          a += 1; r += c[0]; g += c[1]; b += c[2];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      if (a) {
        raw[o] = Math.round(r / a); raw[o + 1] = Math.round(g / a); raw[o + 2] = Math.round(b / a);
      }
      raw[o + 3] = Math.round((255 * a) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;  // bit depth
  ihdr[9] = 6;  // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
