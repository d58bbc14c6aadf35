import { connect, type Socket } from 'node:net';
import { PsmApp } from '../support/psm-app.js';

/** A raw connection to the service, with what it received and whether the service closed it. */
function open(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve({ socket, received: () => text, closed }));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', reject);
  });
}

describe('slow and silent connections are closed (HTTP_REQUEST_TIMEOUT_MS, HTTP_IDLE_TIMEOUT_MS)', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start({ HTTP_REQUEST_TIMEOUT_MS: '800', HTTP_IDLE_TIMEOUT_MS: '1500' })));
  afterAll(() => psm.stop());

  it('closes a connection trickling its body a byte at a time, with 408, and answers others meanwhile (review finding 10)', async () => {
    const { socket, received, closed } = await open(psm.url);
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    let sent = 0;
    const trickle = setInterval(() => socket.writable && socket.write('{', () => sent++), 100);
    expect((await fetch(`${psm.url}/health`)).status).toBe(200);
    await closed;
    clearInterval(trickle);
    expect(sent).toBeLessThan(1000);
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
  }, 15_000);

  it('closes a connection that trickles its headers', async () => {
    const { socket, closed } = await open(psm.url);
    socket.write('GET /health HTTP/1.1\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-A: b\r\n'), 100);
    await closed;
    clearInterval(trickle);
  }, 15_000);

  it('closes a kept-alive connection left idle after its answer', async () => {
    const { socket, received, closed } = await open(psm.url);
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200/);
  }, 15_000);
});
