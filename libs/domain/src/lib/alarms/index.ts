export * from './alarm-vocabulary';
export * from './alarm-rules';
export * from './default-alarm-rules';
export * from './alarm-flapping';
export * from './correlation';
export * from './correlation-parent';
export * from './battery-runtime';
export * from './generator-dispatch';
