import { existsSync, readFileSync } from 'node:fs';

/** A TCP socket in LISTEN state, from /proc/net/tcp{,6} (Linux). */
export interface ListeningSocket {
  readonly port: number;
  /** The local address as the kernel prints it (hex). */
  readonly rawAddress: string;
  readonly loopback: boolean;
}

const LISTEN = '0A';
/** 127.0.0.1, ::1 and ::ffff:127.0.0.1 as /proc prints them (32-bit words, host byte order). */
const LOOPBACK = new Set(['0100007F', '00000000000000000000000001000000', '0000000000000000FFFF00000100007F']);

/** Every listening TCP socket on `port`, whatever process owns it (the same view as `ss -ltn`). */
export function listeningSockets(port: number): ListeningSocket[] {
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, 'utf8').trim().split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === LISTEN)
    .map((fields) => {
      const [rawAddress, hexPort] = fields[1].split(':');
      return { port: Number.parseInt(hexPort, 16), rawAddress, loopback: LOOPBACK.has(rawAddress) };
    })
    .filter((socket) => socket.port === port);
}

/** True once the process is gone (signal 0 probes without signalling). */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
