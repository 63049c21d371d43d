/** "12/BC-SKHCN": the number as the header prints it after "Số:". */
export function reportNumberLabel(number: number, symbol: string): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`a report number is a positive integer, not ${number}`);
  return `${number}/${symbol}`;
}
