import type { OperatorCode } from '@netduty/contracts';

/** The NMS a TMF642 request is from, as its API key proved: its sourceSystemId and its operator. */
export interface NmsCaller {
  sourceSystemId: string;
  operatorCode: OperatorCode;
  keyId: string;
}
