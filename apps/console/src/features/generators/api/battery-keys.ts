/** Query keys of the battery countdown and the generator dispatches. */
export const batteryKeys = {
  all: ['battery'] as const,
  countdown: ['battery', 'countdown'] as const,
};
