import { AlertSound } from './alert-sound';

/**
 * A stand-in for the browser's AudioContext (there is none in Node): it starts suspended, as a
 * browser leaves it without a user gesture, and runs once resumed if `allowResume`.
 */
class FakeAudioContext {
  state: AudioContextState = 'suspended';
  onstatechange: (() => void) | null = null;
  currentTime = 0;
  readonly destination = {};
  readonly started: number[] = [];

  constructor(private readonly allowResume: boolean) {}

  resume(): Promise<void> {
    if (this.allowResume) {
      this.state = 'running';
      this.onstatechange?.();
    }
    return Promise.resolve();
  }

  createOscillator() {
    const started = this.started;
    return {
      type: 'sine',
      frequency: { value: 0 },
      connect: (node: unknown) => node,
      start(at: number) {
        started.push(at);
      },
      stop: () => undefined,
    };
  }

  createGain() {
    return {
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: (node: unknown) => node,
    };
  }
}

function soundWith(context: FakeAudioContext | null) {
  return new AlertSound(context ? () => context as unknown as AudioContext : null);
}

describe('AlertSound', () => {
  it('is locked until the browser lets its context run, and plays nothing meanwhile', async () => {
    const refused = new FakeAudioContext(false);
    const sound = soundWith(refused);
    expect(sound.getState()).toBe('locked');
    sound.play();
    await sound.unlock();
    expect(sound.getState()).toBe('locked');
    sound.play();
    expect(refused.started).toEqual([]);
  });

  it('becomes ready when unlocked from a gesture, tells its subscribers, and then plays its tones', async () => {
    const allowed = new FakeAudioContext(true);
    const sound = soundWith(allowed);
    const states: string[] = [];
    sound.subscribe(() => states.push(sound.getState()));
    await sound.unlock();
    expect(sound.getState()).toBe('ready');
    expect(states).toEqual(['ready']);
    sound.play();
    expect(allowed.started.length).toBe(4);
  });

  it('says so when the browser has no Web Audio at all', async () => {
    const sound = soundWith(null);
    expect(sound.getState()).toBe('unsupported');
    await sound.unlock();
    expect(sound.getState()).toBe('unsupported');
  });
});
