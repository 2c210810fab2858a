import type { AwsClients } from '../../../handlers/shared/clients';
import { ConfigurationError } from '../../../handlers/shared/errors';
import { silentLogger } from '../../../handlers/shared/logger';
import { createS3Handler } from '../../../handlers/shared/s3-handler';
import { s3Event } from '../../support/s3-events';

// processRecord never touches them: the edge only hands them on.
const clients = {} as AwsClients;

describe('createS3Handler: the edge both parsers share', () => {
  it('reads the configuration once, at the first event, and hands it with the clients to every record', async () => {
    const readConfig = jest.fn((env: Readonly<Record<string, string | undefined>>) => ({ table: env.TABLE ?? 'none' }));
    const seen: string[] = [];
    const handler = createS3Handler(
      {
        service: 'test',
        readConfig,
        processRecord: async (ref, context) => {
          expect(context.clients).toBe(clients);
          seen.push(`${ref.key}@${context.config.table}`);
          return { outcome: 'inserted' };
        },
        successMessage: (results) => `${results.length} done`,
      },
      { clients, env: { TABLE: 'T' }, logger: silentLogger },
    );
    expect(readConfig).not.toHaveBeenCalled();
    const first = await handler(s3Event('b', 'a.pdf', 'b.pdf'));
    await handler(s3Event('b', 'c.pdf'));
    expect(readConfig).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['a.pdf@T', 'b.pdf@T', 'c.pdf@T']);
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body).message).toBe('2 done');
  });

  it('throws a configuration error from the invocation (so the event is retried), and reads again next time', async () => {
    let calls = 0;
    const handler = createS3Handler(
      {
        service: 'test',
        readConfig: () => {
          calls++;
          throw new ConfigurationError('Environment variable TABLE is not set');
        },
        processRecord: async () => ({ outcome: 'inserted' }),
        successMessage: () => 'ok',
      },
      { clients, env: {}, logger: silentLogger },
    );
    await expect(handler(s3Event('b', 'a.pdf'))).rejects.toThrow('Environment variable TABLE is not set');
    await expect(handler(s3Event('b', 'a.pdf'))).rejects.toBeInstanceOf(ConfigurationError);
    expect(calls).toBe(2);
  });
});
