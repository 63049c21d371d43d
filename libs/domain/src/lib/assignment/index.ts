export * from './rank-responders';
export * from './responder-journey';
export * from './responders-on-shift';
