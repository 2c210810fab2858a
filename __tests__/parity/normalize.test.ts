import { compareConfigs, compareWithState } from '../../scripts/parity/compare';
import type { EvalContext } from '../../scripts/parity/evaluate';
import { Moves } from '../../scripts/parity/moves';
import { normalizeBody, normalizeValue, parseJsonStrings } from '../../scripts/parity/normalize';

const ctx: EvalContext = {
  prefix: '',
  variable: (name) => ({ bucket: 'b1' })[name],
  local: () => undefined,
  moduleOutput: () => undefined,
  canonical: (a) => a,
};
const none = () => undefined;

describe('normalizer', () => {
  it('drops CDKTF metadata and meta-arguments, keeps ignore_changes', () => {
    const body = { '//': { metadata: {} }, bucket: '${var.bucket}', depends_on: ['x'], lifecycle: { ignore_changes: ['tags'] }, provider: 'aws.x' };
    expect(normalizeBody(body, ctx)).toEqual({ attributes: { bucket: 'b1' }, ignoreChanges: ['tags'] });
  });

  it('turns a JSON string policy and a jsonencode() policy into the same structure', () => {
    const fromString = normalizeValue('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"${aws_s3_bucket.b.arn}/*"}]}', ctx);
    const fromHcl = normalizeValue('${jsonencode({ Statement = [{ Resource = "${aws_s3_bucket.b.arn}/*", Action = ["s3:GetObject"], Effect = "Allow" }], Version = "2012-10-17" })}', ctx);
    expect(fromString).toEqual(fromHcl);
  });

  it('applies IAM equivalences: one-element lists, sorted actions, empty Sid', () => {
    expect(parseJsonStrings({ Statement: { Sid: '', Action: ['b', 'a'], Principal: { AWS: 'x' } } })).toEqual({
      Statement: [{ Action: ['a', 'b'], Principal: { AWS: ['x'] } }],
    });
  });

  it('leaves strings that only look like JSON alone', () => {
    expect(normalizeValue('{not json}', ctx)).toBe('{not json}');
  });
});

describe('comparer', () => {
  it('treats a single nested block as equal to a one-element list', () => {
    expect(compareConfigs('aws_s3_bucket_versioning', { v: [{ status: 'Enabled' }] }, { v: { status: 'Enabled' } }, none, none)).toEqual([]);
  });

  it('counts an attribute left out as the provider default', () => {
    expect(compareConfigs('aws_lambda_function', { memory_size: 128, timeout: 3 }, {}, none, none)).toEqual([]);
    expect(compareConfigs('aws_lambda_function', { memory_size: 256 }, {}, none, none)).toEqual([{ path: 'memory_size', old: 256, new: 128 }]);
  });

  it('resolves a reference to a configured value when the other side spells it literally', () => {
    const resolveNew = (expr: string) => (expr === 'aws_lambda_function.f.function_name' ? 'f' : undefined);
    expect(compareConfigs('aws_lambda_permission', { function_name: 'f' }, { function_name: '${aws_lambda_function.f.function_name}' }, none, resolveNew)).toEqual([]);
  });

  it('lets partition, account and region data sources stand for literals and computed ARNs', () => {
    const old = { role: 'arn:${partition}:iam::${account}:role/r' };
    const neu = { role: 'arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/r' };
    expect(compareConfigs('aws_lambda_function', old, neu, none, none)).toEqual([]);
    expect(compareConfigs('aws_lambda_function', { role: 'arn:aws:iam::123456789012:role/other' }, neu, none, none)).toHaveLength(1);
  });

  it('does not let an unrelated unresolved reference match anything', () => {
    expect(compareConfigs('aws_s3_object', { bucket: '${aws_s3_bucket.a.id}' }, { bucket: '${aws_s3_bucket.b.id}' }, none, none)).toEqual([
      { path: 'bucket', old: '${aws_s3_bucket.a.id}', new: '${aws_s3_bucket.b.id}' },
    ]);
  });

  it('in the state: compares only configured attributes of nested blocks, but maps whole', () => {
    const state = { environment: [{ variables: { A: '1', SECRET: 'x' } }], lambda_function: [{ id: 'tf-1', events: ['e'] }], arn: 'computed' };
    const config = { environment: { variables: { A: '1' } }, lambda_function: [{ events: ['e'] }] };
    expect(compareWithState('aws_lambda_function', state, config, none)).toEqual([{ path: 'environment.variables.SECRET', old: 'x', new: null }]);
  });

  it('in the state: an unknown interpolation matches anything, a known one must match', () => {
    const resolve = (expr: string) => (expr === 'aws_s3_bucket.b.id' ? 'bucket-1' : undefined);
    expect(compareWithState('aws_s3_object', { bucket: 'bucket-1', key: 'k/x' }, { bucket: '${aws_s3_bucket.b.id}', key: 'k/${data.x.y.z}' }, resolve)).toEqual([]);
    expect(compareWithState('aws_s3_object', { bucket: 'bucket-2' }, { bucket: '${aws_s3_bucket.b.id}' }, resolve)).toHaveLength(1);
  });

  it('in the state: an optional attribute the stack leaves out is removed', () => {
    expect(compareWithState('aws_lambda_function', { layers: ['arn:l:1'], tags: null }, {}, none)).toEqual([{ path: 'layers', old: ['arn:l:1'], new: null }]);
  });
});

describe('moves', () => {
  it('follows chains and whole-module moves', () => {
    const moves = new Moves([
      { from: 'module.a', to: 'module.b' },
      { from: 'module.b.aws_x.y', to: 'aws_x.y' },
    ]);
    expect(moves.resolve('module.a.aws_x.y')).toBe('aws_x.y');
    expect(moves.originsOf('aws_x.y', ['module.a.aws_x.y', 'aws_z.q'])).toEqual(['aws_x.y', 'module.a.aws_x.y']);
  });
});
