export * from './alarm-processing.module';
export { AlarmProcessor, alarmWakeChannel, type AlarmBatchResult } from './alarm-processor.service';
