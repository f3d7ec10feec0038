// Hostile and oversized plan documents, made on the spot: the 400-byte Word span bomb, repeated CSV rows,
// huge and wide sheets, zip bombs (honest and lying about their size), a PDF of drawn shapes, deeply
// nested HTML. Used by test/security/hostileDocuments.test.ts, the CLI test and the import bench.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx holding `body` (WordprocessingML inside w:body). */
export function docxOf(body: string): Uint8Array {
  const xml = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) }, { level: 9 });
}

/** About 400 bytes: one table cell spanning 300,000,000 columns. */
export function spanBombDocx(): Uint8Array {
  return docxOf('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="300000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
}

const CSV_HEADER = 'Ref,Action,By when,By whom\n';

/** A CSV plan of `rows` rows, all the same action unless `distinct`. */
export function repeatedCsv(rows: number, distinct = false): Uint8Array {
  const lines = Array.from({ length: rows }, (_, i) => `${distinct ? `1.${i + 1}` : '1.1'},Publish the naloxone protocol${distinct ? ` for area ${i + 1}` : ''},June 2012,DAAT Commissioner\n`);
  return strToU8(`Partnership name: Somerset DAAT, plan 2012/13\n${CSV_HEADER}${lines.join('')}`);
}

/** A workbook with one sheet of `rows` plan rows; a value at `farColumn` makes it that wide. */
export async function sheetXlsx(rows: number, farColumn?: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRow(['Partnership name: Somerset DAAT, plan 2012/13']);
  sheet.addRow(['Ref', 'Action', 'By when', 'By whom']);
  for (let i = 0; i < rows; i += 1) sheet.addRow([`1.${i + 1}`, `Publish the naloxone protocol for area ${i + 1}`, 'June 2012', 'DAAT Commissioner']);
  if (farColumn !== undefined) sheet.getCell(3, farColumn).value = 'stray note';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A .docx whose document.xml unzips to `megabytes` MB of spaces (a few hundred KB zipped). */
export function zipBombDocx(megabytes: number): Uint8Array {
  const open = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`;
  const filler = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
  const close = strToU8('</w:t></w:r></w:p></w:body></w:document>');
  const xml = new Uint8Array(open.length + filler.length + close.length);
  xml.set(strToU8(open), 0);
  xml.set(filler, open.length);
  xml.set(close, open.length + filler.length);
  return zipSync({ 'word/document.xml': xml }, { level: 9 });
}

/** The same bomb, lying: both its headers declare document.xml unzips to 1 KB. */
export function lyingZipBombDocx(megabytes: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': new Uint8Array(megabytes * 1024 * 1024).fill(0x20) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 1024, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, 1024, true);
  }
  return zip;
}

/** A PDF of `pages` pages, each with a small plan table and `shapes` drawn rectangles. */
export function shapesPdf(pages: number, shapes: number): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  for (let p = 0; p < pages; p += 1) {
    if (p > 0) doc.addPage();
    doc.fontSize(10).text('Partnership name: Somerset DAAT, plan 2012/13', 40, 40);
    doc.text('Action', 40, 80).text('By when', 300, 80).text('By whom', 420, 80);
    doc.text(`Publish the naloxone protocol, part ${p + 1}`, 40, 100).text('June 2012', 300, 100).text('DAAT Commissioner', 420, 100);
    for (let i = 0; i < shapes; i += 1) doc.rect(40 + (i % 50) * 10, 200 + Math.floor(i / 50) % 50 * 10, 5, 0.5).fill('#999999');
  }
  doc.end();
  return done;
}

/** A pasted table inside `depth` nested elements. */
export function nestedHtml(depth: number): Uint8Array {
  const table = '<table><tr><th>Action</th><th>By when</th><th>By whom</th></tr><tr><td>Publish the protocol</td><td>June 2012</td><td>DAAT Commissioner</td></tr></table>';
  return strToU8(`<p>Partnership name: Somerset DAAT, plan 2012/13</p>${'<div>'.repeat(depth)}${table}${'</div>'.repeat(depth)}`);
}

/** A workbook written by hand with `rows` one-cell rows (inline strings): within the unzipped caps, too big to read within the thread's limits. */
export function hugeSheetXlsx(rows: number): Uint8Array {
  const cells = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>a</t></is></c></row>`).join('');
  const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const P = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="${S}" xmlns:r="${R}"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="${S}"><sheetData>${cells}</sheetData></worksheet>`),
  }, { level: 9 });
}

/** A .docx of `count` one-word paragraphs and no table: within every cap, seconds of parsing, and no plan. */
export function paragraphsDocx(count: number): Uint8Array {
  return docxOf('<w:p><w:r><w:t>minutes</w:t></w:r></w:p>'.repeat(count));
}
