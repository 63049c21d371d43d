/** `locked`: the browser has not allowed audio yet (no user gesture on this page); `ready`: it plays. */
export type AlertSoundState = 'unsupported' | 'locked' | 'ready';

type Listener = () => void;

/** Two falling tones, twice: distinct from a phone's ring, audible across a duty room. */
const TONES: readonly { hz: number; startS: number; lengthS: number }[] = [
  { hz: 880, startS: 0, lengthS: 0.18 },
  { hz: 660, startS: 0.22, lengthS: 0.18 },
  { hz: 880, startS: 0.5, lengthS: 0.18 },
  { hz: 660, startS: 0.72, lengthS: 0.28 },
];

/**
 * The alert tone, synthesised with the Web Audio API (no audio file to fetch). Browsers keep an
 * AudioContext suspended until the user has interacted with the page; the console says so ("click
 * to enable sound") instead of pretending, and any click or key on the page unlocks it.
 */
export class AlertSound {
  private context: AudioContext | null = null;
  private readonly listeners = new Set<Listener>();
  private current: AlertSoundState;

  constructor(private readonly createContext: (() => AudioContext) | null = defaultContextFactory()) {
    this.current = createContext ? 'locked' : 'unsupported';
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): AlertSoundState => this.current;

  /**
   * Creates or resumes the audio context. Call from a user gesture (a click): outside one, the browser
   * leaves it suspended and the state stays `locked`.
   */
  unlock = async (): Promise<void> => {
    if (!this.createContext) return;
    try {
      this.context ??= this.createContext();
      this.context.onstatechange = () => this.setState(this.context?.state === 'running' ? 'ready' : 'locked');
      if (this.context.state === 'suspended') await this.context.resume();
    } catch {
      // Refused (no gesture, no audio device): stays locked, the button stays.
    }
    this.setState(this.context?.state === 'running' ? 'ready' : 'locked');
  };

  /** Plays the tone if audio is allowed; silently does nothing otherwise (the banner still flashes). */
  play(): void {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    const start = context.currentTime + 0.02;
    for (const tone of TONES) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = tone.hz;
      const at = start + tone.startS;
      // A short ramp in and out: no click at the edges.
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.lengthS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + tone.lengthS + 0.02);
    }
  }

  private setState(state: AlertSoundState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}

function defaultContextFactory(): (() => AudioContext) | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  return () => new window.AudioContext();
}
