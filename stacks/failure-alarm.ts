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
