import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitFor } from './server';

/**
 * A virtual X display (Debian's `xvfb`), for what headless Chromium cannot do: its print path.
 * Headless, window.print() fires `beforeprint` and returns at once, with or without
 * `--kiosk-printing`, and never prints (so a test there could not fail); a real window, here on
 * Xvfb, prints as a kiosk's does.
 */
export class VirtualDisplay {
  private child?: ChildProcess;
  readonly display: string;

  constructor(readonly number = 90 + Math.floor(Math.random() * 400)) {
    this.display = `:${number}`;
  }

  static available(): boolean {
    return existsSync('/usr/bin/Xvfb');
  }

  async start(): Promise<void> {
    this.child = spawn('/usr/bin/Xvfb', [this.display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await waitFor(() => existsSync(`/tmp/.X11-unix/X${this.number}`), 10_000, `Xvfb on ${this.display}`);
  }

  stop(): void {
    this.child?.kill('SIGTERM');
  }
}
