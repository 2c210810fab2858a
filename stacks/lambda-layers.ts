import { Construct } from 'constructs';
import { DataAwsLambdaLayerVersion } from '@cdktf/provider-aws/lib/data-aws-lambda-layer-version';
import type { LayerKey, LayerRef } from './config';

const LAYER_VERSION_ARN = /^arn:aws[a-z-]*:lambda:/;
const KLAYERS_REF = /^klayers:(.+)$/;

/** The account that publishes the public Klayers layers (github.com/keithrozario/Klayers). */
export const KLAYERS_ACCOUNT = '770693421928';
/** The runtime the Klayers layers are built for, and that their latest version is looked up for. */
export const KLAYERS_RUNTIME = 'python3.12';

export interface LambdaLayersProps {
  readonly refs: Readonly<Record<LayerKey, LayerRef>>;
  readonly partition: string;
  readonly region: string;
}

/**
 * Layer ARNs for the functions. The layers live elsewhere: config gives a layer-version
 * ARN, used as is; a layer name in this account; or `klayers:<package>`, the public
 * Klayers layer `Klayers-p312-<package>` (what the existing configuration's
 * `klayers_package_latest_version` data source resolves). Names are resolved once to
 * their latest version with `data "aws_lambda_layer_version" "<key>_layer"`; the Lambda
 * API takes a layer ARN as the layer name, so Klayers resolves the same way.
 */
export class LambdaLayers extends Construct {
  private readonly resolved = new Map<LayerKey, string>();

  constructor(scope: Construct, id: string, private readonly props: LambdaLayersProps) {
    super(scope, id);
  }

  arns(keys: readonly LayerKey[]): string[] {
    return keys.map((key) => this.arn(key));
  }

  private arn(key: LayerKey): string {
    const ref = this.props.refs[key];
    if (LAYER_VERSION_ARN.test(ref)) return ref;
    let arn = this.resolved.get(key);
    if (!arn) {
      const klayers = KLAYERS_REF.exec(ref);
      const layer = new DataAwsLambdaLayerVersion(
        this,
        key,
        klayers
          ? {
              layerName: `arn:${this.props.partition}:lambda:${this.props.region}:${KLAYERS_ACCOUNT}:layer:Klayers-p312-${klayers[1]}`,
              compatibleRuntime: KLAYERS_RUNTIME,
            }
          : { layerName: ref },
      );
      layer.overrideLogicalId(`${key}_layer`);
      arn = layer.arn;
      this.resolved.set(key, arn);
    }
    return arn;
  }
}
