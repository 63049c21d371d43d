import type { GeneratorDispatchRefusal } from '@netduty/contracts';
import { ConflictError } from '@netduty/platform-errors';

/** A dispatch step refused (409): taken before the step it follows, or on a dispatch already stopped. */
export class GeneratorDispatchRefusedError extends ConflictError {
  constructor(reason: GeneratorDispatchRefusal, message: string) {
    super(reason, message);
  }
}
