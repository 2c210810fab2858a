import { evaluate, type EvalContext } from '../../scripts/parity/evaluate';
import { HclExpressionError, parseExpression, parseTemplate } from '../../scripts/parity/hcl-expression';
import { Moves } from '../../scripts/parity/moves';
import type { Val } from '../../scripts/parity/model';

const moves = new Moves([{ from: 'module.lambdas.aws_lambda_function.parse_invoice', to: 'aws_lambda_function.parse_invoice' }]);

function context(vars: Record<string, Val> = {}, prefix = '', outputs: Record<string, Val> = {}): EvalContext {
  return {
    prefix,
    variable: (name) => vars[name],
    local: () => undefined,
    moduleOutput: (module, output) => outputs[`${module}.${output}`],
    canonical: (address) => moves.resolve(address),
  };
}

const evalTemplate = (text: string, ctx = context()) => evaluate(parseTemplate(text), ctx);

describe('HCL expression parser', () => {
  it('parses literals of every kind', () => {
    expect(evaluate(parseExpression('[1, 2.5, -3, true, false, null, "a\\"b\\n"]'), context())).toEqual([1, 2.5, -3, true, false, null, 'a"b\n']);
  });

  it('parses objects with = or :, newline or comma separated, quoted keys and comments', () => {
    const text = '{\n  a = 1 # one\n  "b-c": "x", d = { e = [] }\n  // trailing\n}';
    expect(evaluate(parseExpression(text), context())).toEqual({ a: 1, 'b-c': 'x', d: { e: [] } });
  });

  it('turns jsonencode of a policy with an interpolated reference into the structure', () => {
    const text = `\${jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = { Service = "lambda.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "\${aws_s3_bucket.lambda_bucket.arn}/*"
      }]
    })}`;
    expect(evalTemplate(text)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 's3:GetObject', Resource: '${aws_s3_bucket.lambda_bucket.arn}/*' }],
    });
  });

  it('resolves var.* to its value, in whole-value and in string positions', () => {
    const ctx = context({ aws_region: 'eu-west-1', count: 3 });
    expect(evalTemplate('${var.count}', ctx)).toBe(3);
    expect(evalTemplate('arn:aws:logs:${var.aws_region}:x', ctx)).toBe('arn:aws:logs:eu-west-1:x');
  });

  it('keeps a variable without a value as a canonical interpolation', () => {
    expect(evalTemplate('${var.gemini_api_key}')).toBe('${var.gemini_api_key}');
  });

  it('spells references by target address after moves, with the module prefix', () => {
    const inModule = context({}, 'module.lambdas.');
    expect(evalTemplate('${aws_lambda_function.parse_invoice.function_name}', inModule)).toBe('${aws_lambda_function.parse_invoice.function_name}');
    expect(evalTemplate('${aws_lambda_layer_version.utils.arn}', inModule)).toBe('${module.lambdas.aws_lambda_layer_version.utils.arn}');
    expect(evalTemplate('${data.aws_caller_identity.current.account_id}.dkr', inModule)).toBe('${module.lambdas.data.aws_caller_identity.current.account_id}.dkr');
  });

  it('follows a variable whose value is a reference, and module outputs', () => {
    const ctx = context({ lambda_bucket_id: '${aws_s3_bucket.lambda_bucket.id}' }, 'module.lambdas.', { 'lambdas.parse_invoice_arn': '${aws_lambda_function.parse_invoice.arn}' });
    expect(evalTemplate('${var.lambda_bucket_id}', ctx)).toBe('${aws_s3_bucket.lambda_bucket.id}');
    expect(evalTemplate('${module.lambdas.parse_invoice_arn}', context({}, '', { 'lambdas.parse_invoice_arn': '${aws_lambda_function.parse_invoice.arn}' }))).toBe(
      '${aws_lambda_function.parse_invoice.arn}',
    );
  });

  it('indexes into known values and appends to references', () => {
    const ctx = context({ tables: { rental: 'RentalInvoices' }, list: ['a', 'b'] });
    expect(evalTemplate('${var.tables.rental}', ctx)).toBe('RentalInvoices');
    expect(evalTemplate('${var.list[1]}', ctx)).toBe('b');
    expect(evalTemplate('${aws_s3_bucket.x.versioning[0].enabled}')).toBe('${aws_s3_bucket.x.versioning[0].enabled}');
  });

  it('evaluates conditionals and operators on known values, keeps the rest opaque', () => {
    const ctx = context({ env: 'prod' });
    expect(evalTemplate('${var.env == "prod" ? 512 : 128}', ctx)).toBe(512);
    expect(evalTemplate('${1 + 2 * 3}', ctx)).toBe(7);
    expect(evalTemplate('${filebase64sha256("${path.module}/x.zip")}', ctx)).toBe('${filebase64sha256("${path.module}/x.zip")}');
  });

  it('evaluates the common functions', () => {
    expect(evalTemplate('${merge({ a = 1 }, { b = 2 })}')).toEqual({ a: 1, b: 2 });
    expect(evalTemplate('${concat(["a"], ["b"])}')).toEqual(['a', 'b']);
    expect(evalTemplate('${format("%s-%s", "a", "b")}')).toBe('a-b');
    expect(evalTemplate('${jsondecode("{\\"a\\": [1]}")}')).toEqual({ a: [1] });
  });

  it('treats $${ as a literal ${ and handles heredocs', () => {
    expect(evalTemplate('cost: $${x}')).toBe('cost: ${x}');
    expect(evaluate(parseExpression('<<-EOT\n    hello\n      world\n    EOT\n'), context())).toBe('hello\n  world\n');
  });

  it('keeps for expressions and splats as opaque text', () => {
    expect(evalTemplate('${[for s in var.x : upper(s)]}')).toBe('${[for s in var.x : upper(s)]}');
    expect(evalTemplate('${aws_instance.web[*].id}')).toBe('${aws_instance.web[*].id}');
  });

  it.each(['jsonencode({ a = }', '"unterminated', '{ a = 1 b = 2 }', 'f(1 2)'])('rejects %s with an offset', (text) => {
    expect(() => parseExpression(text)).toThrow(HclExpressionError);
    expect(() => parseExpression(text)).toThrow(/at offset \d+/);
  });
});
