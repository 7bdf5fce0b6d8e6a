/**
 * Two short tones for a citizen arriving in the queue, synthesised: no sound file to serve
 * and nothing for the CSP to allow. Browsers start audio only after a click or a key on the
 * page, so the context is made (or resumed) on the clerk's first gesture.
 */
export class ArrivalBeep {
  private context: AudioContext | null = null;

  constructor(private enabled: boolean) {
    const unlock = () => {
      this.ensureContext();
      if (this.context?.state !== "suspended") {
        window.removeEventListener("pointerdown", unlock, true);
        window.removeEventListener("keydown", unlock, true);
      }
    };
    window.addEventListener("pointerdown", unlock, true);
    window.addEventListener("keydown", unlock, true);
  }

  get on(): boolean {
    return this.enabled;
  }

  set on(value: boolean) {
    this.enabled = value;
  }

  play(): void {
    const context = this.enabled ? this.ensureContext() : null;
    if (!context || context.state !== "running") return;
    const start = context.currentTime + 0.01;
    // 880 Hz then 1175 Hz (A5, D6), 120 ms each: heard over an office, short enough not to annoy.
    [880, 1175].forEach((frequency, index) => {
      const at = start + index * 0.16;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.13);
    });
  }

  private ensureContext(): AudioContext | null {
    try {
      this.context ??= new AudioContext();
      if (this.context.state === "suspended") void this.context.resume().catch(() => undefined);
    } catch {
      return null;
    }
    return this.context;
  }
}
