/** The demo operators and their short labels. */
import type { OperatorCode } from '@netduty/contracts';
import { type DemoOperator } from './types';

// ------------------------------------------------------------------------------- static data

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { code: 'viettel', name: 'Viettel', kind: 'telecom' },
  { code: 'vnpt', name: 'VNPT', kind: 'telecom' },
  { code: 'mobifone', name: 'MobiFone', kind: 'telecom' },
  { code: 'vnpost', name: 'Vietnam Post (VNPost)', kind: 'postal' },
  { code: 'viettelpost', name: 'Viettel Post', kind: 'postal' },
];

export const TELECOM: readonly OperatorCode[] = ['viettel', 'vnpt', 'mobifone'];

/** Short labels used inside cluster names. */
export const OPERATOR_LABEL: Readonly<Record<OperatorCode, string>> = {
  viettel: 'Viettel',
  vnpt: 'VNPT',
  mobifone: 'MobiFone',
  vnpost: 'VNPost',
  viettelpost: 'Viettel Post',
};
