import { createServer, type Server } from 'node:net';
import { startLocalDynamoDb } from '../../../tools/local-aws/dynamodb-server';

/**
 * freePort() closes the port it found before the JVM binds it, so a busy machine can
 * hand that port to someone else first. A port chosen by startLocalDynamoDb is then
 * chosen again; a port the caller asked for is an error that says so.
 */
const mockTakenPorts: number[] = [];
jest.mock('../../../tools/local-aws/free-port', () => {
  const actual = jest.requireActual('../../../tools/local-aws/free-port') as typeof import('../../../tools/local-aws/free-port');
  return { freePort: () => (mockTakenPorts.length > 0 ? Promise.resolve(mockTakenPorts.shift() as number) : actual.freePort()) };
});

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('startLocalDynamoDb when its port is taken', () => {
  it('starts on another port when the one it chose was taken before the JVM bound it', async () => {
    const taken = await occupyPort();
    mockTakenPorts.push(taken.port);
    try {
      const dynamo = await startLocalDynamoDb();
      await dynamo.stop();
      expect(mockTakenPorts).toEqual([]);
      expect(dynamo.port).not.toBe(taken.port);
    } finally {
      taken.server.close();
    }
  }, 60000);

  it('says the port is in use when the caller asked for that port', async () => {
    const taken = await occupyPort();
    try {
      await expect(startLocalDynamoDb({ port: taken.port })).rejects.toThrow(`DynamoDB Local could not listen on 127.0.0.1:${taken.port}: the port is in use`);
    } finally {
      taken.server.close();
    }
  }, 60000);
});
