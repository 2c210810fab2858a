import type { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';

export interface FailureAlarmOptions {
  /** SNS topic notified when the alarm fires and when it clears. @default none: the alarm only shows in CloudWatch */
  readonly topicArn?: string;
}

/**
 * An alarm as soon as an event lands in the failure queue: it is an invoice that was not
 * recorded, and SQS drops it unseen after 14 days. Visible messages are the failed
 * events waiting for a replay; the alarm clears once the queue is drained.
 */
export function alarmOnFailedEvents(scope: Construct, id: string, queue: SqsQueue, address: string, options: FailureAlarmOptions = {}): CloudwatchMetricAlarm {
  const actions = options.topicArn ? [options.topicArn] : [];
  const alarm = new CloudwatchMetricAlarm(scope, id, {
    alarmName: `${queue.name}-not-empty`,
    alarmDescription: 'Invoice events failed after every retry and wait in the failure queue for a replay (kept 14 days).',
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensions: { QueueName: queue.name },
    statistic: 'Maximum',
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    // SQS stops reporting metrics for an idle queue: no data is an empty queue.
    treatMissingData: 'notBreaching',
    alarmActions: actions,
    okActions: actions,
  });
  alarm.overrideLogicalId(address);
  return alarm;
}

/**
 * For a function with retries but no failure destination (parse_invoice on the shared
 * role, unless `hardened`): an alarm as soon as Lambda drops an event after its last
 * retry (`AsyncEventsDropped`). The document itself stays in the versioned bucket, so
 * it can be replayed by hand; the alarm makes sure nobody has to discover the gap.
 */
export function alarmOnDroppedEvents(scope: Construct, id: string, functionName: string, address: string, options: FailureAlarmOptions = {}): CloudwatchMetricAlarm {
  const actions = options.topicArn ? [options.topicArn] : [];
  const alarm = new CloudwatchMetricAlarm(scope, id, {
    alarmName: `${functionName}-dropped-events`,
    alarmDescription: 'An invoice upload event failed after every retry and was dropped (this function has no failure destination); replay the object from the bucket.',
    namespace: 'AWS/Lambda',
    metricName: 'AsyncEventsDropped',
    dimensions: { FunctionName: functionName },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    alarmActions: actions,
    okActions: actions,
  });
  alarm.overrideLogicalId(address);
  return alarm;
}
