// What pdf.js sees on each page of a PDF: the text pieces with their positions and sizes, and the
// drawn shapes (table rules, cell shading) as boxes. Legacy build: the one that runs on Node 20.
import { getDocument, OPS } from './pdfjs.ts';
import { mapLimit } from '../../mapLimit.ts';
import { PlanFormatError } from '../planFormatError.ts';
import { MAX_DRAWN_PER_PAGE, MAX_DRAWN_TOTAL, MAX_PAGES, overLimit } from '../limits.ts';

/** A piece of text; `top` grows down the document (pages stacked), `x` from the left edge. */
export interface PdfPiece {
  text: string;
  x: number;
  right: number;
  top: number;
  size: number;
  page: number;
}

/** A drawn shape's bounding box, in the same coordinates. */
export interface PdfBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  page: number;
}

/** The text and shapes of a whole PDF. */
export interface PdfContent {
  pieces: PdfPiece[];
  boxes: PdfBox[];
}

/** Pages are stacked this far apart, so one number orders everything top to bottom. */
export const PAGE_STRIDE = 10_000;
const PAINT_OPS = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** The product of two PDF transform matrices [a b c d e f]: `inner` applied first, then `outer`. */
function multiply(outer: number[], inner: number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = outer;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = inner;
  return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}

function apply(m: number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

type PdfDoc = Awaited<ReturnType<typeof getDocument>['promise']>;

/** One page's text pieces and painted boxes, placed in the stacked coordinates. */
async function readPage(doc: PdfDoc, number: number): Promise<PdfContent> {
  const page = await doc.getPage(number);
  const height = page.getViewport({ scale: 1 }).height;
  const offset = (number - 1) * PAGE_STRIDE;
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  if (ops.fnArray.length > MAX_DRAWN_PER_PAGE) {
    throw overLimit(`page ${number} has ${ops.fnArray.length.toLocaleString('en-GB')} drawing operations`, `${MAX_DRAWN_PER_PAGE.toLocaleString('en-GB')} per page`);
  }
  const content: PdfContent = { pieces: [], boxes: [] };
  for (const item of text.items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const [, , , d = 0, x = 0, y = 0] = item.transform;
    const size = Math.abs(item.height || d) || 10;
    content.pieces.push({ text: item.str, x, right: x + item.width, top: offset + height - y, size, page: number });
  }
  // Path boxes are in the space of the current transform: follow cm, q and Q to place them on the page.
  let matrix = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  // The same shape drawn again (a rule stroked twice, a hostile page of stacked copies) is kept once.
  const seen = new Set<string>();
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) saved.push(matrix);
    else if (fn === OPS.restore) matrix = saved.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) matrix = multiply(matrix, args as number[]);
    if (fn !== OPS.constructPath) return;
    const [paint, , box] = args as [number, unknown, ArrayLike<number> | null];
    if (!PAINT_OPS.has(paint) || box === null || box.length < 4) return;
    const [minX = 0, minY = 0, maxX = 0, maxY = 0] = Array.from(box);
    const corners = [[minX, minY], [maxX, maxY], [minX, maxY], [maxX, minY]].map(([x = 0, y = 0]) => apply(matrix, x, y));
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const placed = { left: Math.min(...xs), right: Math.max(...xs), top: offset + height - Math.max(...ys), bottom: offset + height - Math.min(...ys), page: number };
    const key = `${placed.left.toFixed(1)},${placed.right.toFixed(1)},${placed.top.toFixed(1)},${placed.bottom.toFixed(1)}`;
    if (seen.has(key)) return;
    seen.add(key);
    content.boxes.push(placed);
  });
  page.cleanup();
  return content;
}

/** Reads every page's text and shapes. @throws PlanFormatError for a damaged, encrypted or huge PDF. */
export async function readPdfContent(bytes: Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new PlanFormatError('the PDF is password-protected');
    throw new PlanFormatError(`damaged PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new PlanFormatError(`the PDF has ${doc.numPages} pages; plans have at most ${MAX_PAGES}`);
    // Several pages at a time, each page's text and shapes together: pdf.js inflates streams
    // asynchronously, so one page's work fills another's wait.
    const numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    let drawn = 0;
    const pages = await mapLimit(numbers, 8, async (number) => {
      const page = await readPage(doc, number);
      drawn += page.boxes.length;
      if (drawn > MAX_DRAWN_TOTAL) throw overLimit(`it draws more than ${MAX_DRAWN_TOTAL.toLocaleString('en-GB')} shapes`, `${MAX_DRAWN_TOTAL.toLocaleString('en-GB')} shapes in all`);
      return page;
    });
    return { pieces: pages.flatMap((page) => page.pieces), boxes: pages.flatMap((page) => page.boxes) };
  } finally {
    await doc.destroy();
  }
}
