import { Construct } from 'constructs';
import { DataAwsLambdaLayerVersion } from '@cdktf/provider-aws/lib/data-aws-lambda-layer-version';
import type { LayerKey, LayerRef } from './config';

const LAYER_VERSION_ARN = /^arn:aws[a-z-]*:lambda:/;

/**
 * Layer ARNs for the functions. The layers live in another stack: config gives a
 * layer-version ARN, used as is, or a layer name, resolved once to its latest
 * version with `data "aws_lambda_layer_version" "<key>"`.
 */
export class LambdaLayers extends Construct {
  private readonly resolved = new Map<LayerKey, string>();

  constructor(scope: Construct, id: string, private readonly refs: Readonly<Record<LayerKey, LayerRef>>) {
    super(scope, id);
  }

  arns(keys: readonly LayerKey[]): string[] {
    return keys.map((key) => this.arn(key));
  }

  private arn(key: LayerKey): string {
    const ref = this.refs[key];
    if (LAYER_VERSION_ARN.test(ref)) return ref;
    let arn = this.resolved.get(key);
    if (!arn) {
      const layer = new DataAwsLambdaLayerVersion(this, key, { layerName: ref });
      layer.overrideLogicalId(`${key}_layer`);
      arn = layer.arn;
      this.resolved.set(key, arn);
    }
    return arn;
  }
}
