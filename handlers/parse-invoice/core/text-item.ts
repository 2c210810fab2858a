/** One positioned run of text from a PDF page. */
export interface TextItem {
  readonly text: string;
  /** Left edge, in points from the left of the page. */
  readonly x: number;
  /** Baseline, in points from the top of the first page (pages are stacked). */
  readonly y: number;
  readonly width: number;
  /** Font size in points. */
  readonly height: number;
  /** @default 1 */
  readonly page?: number;
}
