import type { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';

export interface FailureAlarmOptions {
  /** SNS topic notified when the alarm fires and when it clears. @default none: the alarm only shows in CloudWatch */
  readonly topicArn?: string;
}

interface AnyCountAlarm {
  readonly alarmName: string;
  readonly alarmDescription: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
  readonly statistic: 'Maximum' | 'Sum';
}

/**
 * An alarm that fires on the first count above zero in a 5-minute period. No data
 * counts as nothing to report: SQS and Lambda stop publishing these metrics when idle.
 */
function alarmOnAnyCount(scope: Construct, id: string, address: string, alarm: AnyCountAlarm, options: FailureAlarmOptions): CloudwatchMetricAlarm {
  const actions = options.topicArn ? [options.topicArn] : [];
  const resource = new CloudwatchMetricAlarm(scope, id, {
    ...alarm,
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    alarmActions: actions,
    okActions: actions,
  });
  resource.overrideLogicalId(address);
  return resource;
}

/**
 * An alarm as soon as an event lands in the failure queue: it is an invoice that was not
 * recorded, and SQS drops it unseen after 14 days. Visible messages are the failed
 * events waiting for a replay; the alarm clears once the queue is drained.
 */
export function alarmOnFailedEvents(scope: Construct, id: string, queue: SqsQueue, address: string, options: FailureAlarmOptions = {}): CloudwatchMetricAlarm {
  return alarmOnAnyCount(
    scope,
    id,
    address,
    {
      alarmName: `${queue.name}-not-empty`,
      alarmDescription: 'Invoice events failed after every retry and wait in the failure queue for a replay (kept 14 days).',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queue.name },
      statistic: 'Maximum',
    },
    options,
  );
}

/**
 * For a function with retries but no failure destination (parse_invoice on the shared
 * role, unless `hardened`): an alarm as soon as Lambda drops an event after its last
 * retry (`AsyncEventsDropped`). The document itself stays in the versioned bucket, so
 * it can be replayed by hand; the alarm makes sure nobody has to discover the gap.
 */
export function alarmOnDroppedEvents(scope: Construct, id: string, functionName: string, address: string, options: FailureAlarmOptions = {}): CloudwatchMetricAlarm {
  return alarmOnAnyCount(
    scope,
    id,
    address,
    {
      alarmName: `${functionName}-dropped-events`,
      alarmDescription: 'An invoice upload event failed after every retry and was dropped (this function has no failure destination); replay the object from the bucket.',
      namespace: 'AWS/Lambda',
      metricName: 'AsyncEventsDropped',
      dimensions: { FunctionName: functionName },
      statistic: 'Sum',
    },
    options,
  );
}
