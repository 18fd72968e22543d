import { Card } from '../components/Card';
import { Subheading } from './Titled';

const LIST = 'mt-1 list-disc space-y-1 pl-5 text-sm';

/** Why the same grouping key can be on several gateways, and what to do about it. */
export function SameGroupCard({ example }: { example: string }) {
  return (
    <Card title="Same group on several gateways">
      <p className="text-sm">
        The list shows such a group once per gateway that holds it: the quick filter{' '}
        <strong>Only groups on several gateways</strong> shows them, and{' '}
        <code className="font-mono">@gateway=&quot;{example}&quot;</code> in the filter shows one gateway’s groups.
      </p>
      <Subheading level={2}>Why it happens</Subheading>
      <ul className={LIST}>
        <li>
          A load balancer in front of the gateways: each push lands on one of them. Pushgateways never sync each other
          (there is no clustering), so each holds a different mix of pushes, some of them old.
        </li>
        <li>A job configured to push to two gateways, or moved to another one while the old one kept its group.</li>
      </ul>
      <Subheading level={2}>What to do</Subheading>
      <ul className={LIST}>
        <li>
          Push each job to exactly one gateway, picked by job, team or region: a stable hash of the job name in the
          client, or one DNS name per team.
        </li>
        <li>
          Behind a load balancer, route each job to always the same gateway (hash on the job in the path,{' '}
          <code className="font-mono">/metrics/job/NAME</code>), or remove the balancer.
        </li>
        <li>
          Then delete the copies on the gateways that should not hold them (filter by{' '}
          <code className="font-mono">@gateway</code>, select, Delete): a gateway keeps a group, and Prometheus scrapes
          it, until it is deleted.
        </li>
      </ul>
    </Card>
  );
}
