/** The text is not a planning-grid document at all: no planning grid and no delivery-plan table. */
export class PlanFormatError extends Error {
  override name = 'PlanFormatError';
}
