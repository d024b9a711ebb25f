import PDFDocument from 'pdfkit';

/**
 * Renders a pdfkit document drawn by `draw` and answers it base64-encoded (GraphQL carries text).
 * Standard fonts only (Helvetica, WinAnsi): every French letter prints, nothing to embed.
 */
export async function renderPdf(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<string> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks).toString('base64');
}

/**
 * Cuts `text` with an ellipsis so that it fits `width` points at the document's current font and
 * size: a printed line stays one line (the pages keep their layout, one per participant or table).
 */
export function fitLine(doc: PDFKit.PDFDocument, text: string, width = pageWidth(doc)): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(flat) <= width) return flat;
  let lo = 0;
  let hi = flat.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${flat.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${flat.slice(0, lo).trimEnd()}…`;
}

/** Width inside the margins of the current page. */
export function pageWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
